#!/usr/bin/env node
// `pnpm run docs [--out DIR]`: builds the offline docs portal (default docs/dist/, gitignored). Open index.html, or run
// `pnpm start` to serve it next to a mock of every API.
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { repoRoot } from "@clientele/registry/root";
import { buildPortal } from "./build-portal.js";

const root = repoRoot;

/** Where `pnpm run docs` and `pnpm start` put the portal. */
export const DEFAULT_OUT = join(root, "docs", "dist");

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { values } = parseArgs({ options: { out: { type: "string" } } });
    const out = values.out === undefined ? DEFAULT_OUT : resolve(values.out);
    const started = Date.now();
    await buildPortal({ root, out, log: (line) => console.log(line) });
    console.log(`docs: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`docs: ${error instanceof Error ? error.message : error}`);
    console.error("usage: pnpm run docs [--out DIR]");
    process.exit(1);
  }
}
