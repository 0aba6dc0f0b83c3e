#!/usr/bin/env node
// @ts-check
// `pnpm mock <provider> [--port N]`: a Prism mock of one provider's spec on 127.0.0.1, until Ctrl-C.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { portOption, runCommand, stopOnSignal } from "./lib/cli.mjs";
import { startPrism } from "./lib/prism.mjs";
import { findProvider, readRegistry } from "./lib/registry.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

await runCommand("mock", "pnpm mock <provider> [--port N]", async () => {
  const { values, positionals } = parseArgs({ options: { port: { type: "string" } }, allowPositionals: true });
  const provider = findProvider(await readRegistry(root), positionals[0]);
  const mock = await startPrism({ spec: provider.spec, port: portOption(values.port) });
  console.log(`${provider.id} mock (Prism, ${provider.spec}) listening at ${mock.url}`);
  console.log("Ctrl-C stops it.");
  stopOnSignal(() => mock.stop().then(() => process.exit(0)));
});
