#!/usr/bin/env node
// `pnpm mock <provider>`: one provider's Prism mock, supervised as `pnpm start` runs it.
import { parseArgs } from "node:util";
import { countOption, portOption, runCommand, stopOnSignal } from "@clientele/registry/cli";
import { findProvider, readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { startMock } from "./provider-servers.js";
import { DEFAULT_RESTARTS, type Supervised } from "./supervise.js";

const USAGE = "pnpm mock <provider> [--port N] [--restarts N]";

await runCommand("mock", USAGE, async () => {
  const { values, positionals } = parseArgs({
    options: { port: { type: "string" }, restarts: { type: "string" } },
    allowPositionals: true,
  });
  const provider = findProvider(await readRegistry(repoRoot), positionals[0]);
  const port = portOption(values.port) ?? 0;
  const restarts = countOption(values.restarts, "--restarts") ?? DEFAULT_RESTARTS;
  let mock: Supervised | undefined;
  // Before anything is printed: a signal that arrives before its handler is in place kills the process outright.
  // A Prism still starting then exits on its own when this process goes (the guard's IPC channel closes).
  stopOnSignal(async () => {
    await mock?.stop();
    process.exit(0);
  });
  const log = (line: string) => console.error(`mock: ${line}`);
  mock = await startMock(provider, {
    port,
    restarts,
    log,
    onGiveUp: (reason) => {
      log(`${reason}; stopping.`);
      process.exit(1);
    },
  });
  console.log(`${provider.id} mock (Prism, ${provider.spec}, pid ${mock.pid()}) listening at ${mock.url}`);
  console.log("Ctrl-C stops it.");
});
