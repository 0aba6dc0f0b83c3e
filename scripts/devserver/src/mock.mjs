#!/usr/bin/env node
import { parseArgs } from "node:util";
import { countOption, firstLine, portOption, runCommand, stopOnSignal } from "@clientele/registry/cli";
import { findProvider, readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { startPrism } from "./prism.mjs";
import { DEFAULT_RESTARTS, supervise } from "./supervise.mjs";

const root = repoRoot;
const USAGE = "pnpm mock <provider> [--port N] [--restarts N]";

await runCommand("mock", USAGE, async () => {
  const { values, positionals } = parseArgs({
    options: { port: { type: "string" }, restarts: { type: "string" } },
    allowPositionals: true,
  });
  const provider = findProvider(await readRegistry(root), positionals[0]);
  const name = `the ${provider.id} mock (Prism)`;
  /** @type {import("./supervise.mjs").Supervised | undefined} */
  let mock;
  // Before anything is printed: a signal that arrives before its handler is in place kills the process outright.
  // A Prism still starting then exits on its own when this process goes (the guard's IPC channel closes).
  stopOnSignal(async () => {
    await mock?.stop();
    process.exit(0);
  });
  mock = await supervise({
    name,
    port: portOption(values.port),
    restarts: countOption(values.restarts, "--restarts") ?? DEFAULT_RESTARTS,
    start: (port) =>
      startPrism({
        spec: provider.spec,
        ...(port !== undefined && { port }),
        onSurvived: (where, error) =>
          console.error(`mock: ${name} failed on ${where}, answered 500: ${firstLine(error)}`),
      }),
    log: (line) => console.error(`mock: ${line}`),
    onGiveUp: (reason) => {
      console.error(`mock: ${reason}; stopping.`);
      process.exit(1);
    },
  });
  console.log(`${provider.id} mock (Prism, ${provider.spec}, pid ${mock.pid()}) listening at ${mock.url}`);
  console.log("Ctrl-C stops it.");
});
