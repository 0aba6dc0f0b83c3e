// How `pnpm start` tells a stale portal build from a fresh one: the build writes a digest of everything it reads into
// its manifest, and the same digest computed now either matches it or not.
import { readdir, readFile } from "node:fs/promises";
import { join, sep } from "node:path";
import { digest } from "@clientele/codegen/stamp";
import { type Provider, readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import type { PortalManifest } from "./render-index.js";

/** The build's own record, next to the pages: the index is rendered from it and freshness is judged by it. */
export const MANIFEST = "portal.json";

/** The page template is part of the docs build, not of the specs it renders (a fixture root has none). */
export const TEMPLATE = join(repoRoot, "docs", "redoc.hbs");

/** The tools whose version changes what a build produces. */
const TOOLS = ["@redocly/cli", "beautiful-mermaid"];

/** A digest of everything a portal build reads: the specs, the packages' samples, the tools, this package's code. */
export async function portalInputs(root: string, providers?: Provider[]): Promise<string> {
  const list = providers ?? (await readRegistry(root));
  const read = (file: string) => readFile(join(root, file), "utf8").catch(() => `${file}: missing`);
  // Their package.json files, read directly: beautiful-mermaid's exports do not include it.
  const texts = await Promise.all([
    ...TOOLS.map((name) => read(join("node_modules", name, "package.json"))),
    read("redocly.yaml"),
    readFile(TEMPLATE, "utf8"),
    ...list.flatMap((p) => [
      read(p.spec),
      read(join(p.packageDir, "package.json")),
      read(join(p.packageDir, "src", "generated", "samples.ts")),
    ]),
  ]);
  return digest([...texts, ...(await ownSources())].join("\n"));
}

/** Reads the manifest of a built portal; undefined when there is none. */
export async function readManifest(out: string): Promise<PortalManifest | undefined> {
  const text = await readFile(join(out, MANIFEST), "utf8").catch(() => undefined);
  return text === undefined ? undefined : JSON.parse(text);
}

/** Every file of this package's src/ but the test support, each headed by its path, in a stable order. */
async function ownSources(): Promise<string[]> {
  const dir = import.meta.dirname;
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .filter((file) => !file.startsWith(`testing${sep}`))
    .sort();
  return Promise.all(files.map(async (file) => `${file}\n${await readFile(join(dir, file), "utf8")}`));
}
