#!/usr/bin/env node
// @ts-check
// `pnpm mock <provider> [--port N] [--restarts N]`: a Prism mock of one provider's spec on 127.0.0.1, until Ctrl-C.
// A request Prism fails on is answered with a 500 and reported here; if Prism exits anyway, this says so and starts
// it again on the same port (at most --restarts times), then gives up with exit code 1. Never exits 0 unasked.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { countOption, firstLine, portOption, runCommand, stopOnSignal } from "./lib/cli.mjs";
import { startPrism } from "./lib/prism.mjs";
import { findProvider, readRegistry } from "./lib/registry.mjs";
import { DEFAULT_RESTARTS, supervise } from "./lib/supervise.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const USAGE = "pnpm mock <provider> [--port N] [--restarts N]";

await runCommand("mock", USAGE, async () => {
  const { values, positionals } = parseArgs({
    options: { port: { type: "string" }, restarts: { type: "string" } },
    allowPositionals: true,
  });
  const provider = findProvider(await readRegistry(root), positionals[0]);
  const name = `the ${provider.id} mock (Prism)`;
  /** @type {import("./lib/supervise.mjs").Supervised | undefined} */
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
