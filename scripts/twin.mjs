#!/usr/bin/env node
// @ts-check
// `pnpm twin <provider> [--port N] [--empty]`: a stateful twin of one vendor API on 127.0.0.1, until Ctrl-C.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startTwin, twinCredentials, twinFactories } from "../twins/src/index.js";
import { portOption, runCommand, stopOnSignal } from "./lib/cli.mjs";
import { findProvider, readRegistry } from "./lib/registry.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

await runCommand("twin", "pnpm twin <provider> [--port N] [--empty]", async () => {
  const { values, positionals } = parseArgs({
    options: { port: { type: "string" }, empty: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const provider = findProvider(await readRegistry(root), positionals[0]);
  if (!(provider.id in twinFactories)) throw new Error(`no twin for "${provider.id}" yet`);
  const id = /** @type {keyof typeof twinFactories} */ (provider.id);
  const twin = await startTwin(id, { port: portOption(values.port), seed: values.empty ? undefined : true });
  console.log(`${id} twin (stateful, ${provider.spec}) listening at ${twin.url}`);
  console.log(`credentials: ${twinCredentials[id]}`);
  console.log(values.empty ? "state: empty" : "state: seeded with the vendor document's examples (--empty for none)");
  console.log("Ctrl-C stops it.");
  stopOnSignal(() => twin.stop().then(() => process.exit(0)));
});
