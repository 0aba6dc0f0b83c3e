#!/usr/bin/env node
// @ts-check
// `pnpm mock <provider> [--port N]`: a Prism mock of one provider's spec on 127.0.0.1, until Ctrl-C.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startPrism } from "./lib/prism.mjs";
import { findProvider, readRegistry } from "./lib/registry.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

try {
  const { values, positionals } = parseArgs({ options: { port: { type: "string" } }, allowPositionals: true });
  const provider = findProvider(await readRegistry(root), positionals[0]);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
    throw new Error(`--port must be a port number, got "${values.port}"`);
  const mock = await startPrism({ spec: provider.spec, port });
  console.log(`${provider.id} mock (Prism, ${provider.spec}) listening at ${mock.url}`);
  console.log("Ctrl-C stops it.");
  const stop = () => mock.stop().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(`mock: ${error instanceof Error ? error.message : error}`);
  console.error("usage: pnpm mock <provider> [--port N]");
  process.exit(2);
}
