// The generator's own fingerprint: a change to any of its sources, or to a tool whose output lands in generated
// files, makes every stamp stale. A digest of whole folders, not of an import graph: simple, and nothing is missed.
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { repoRoot } from "@clientele/registry/root";
import { formatterConfig } from "./format.ts";
import { digest } from "./stamp.ts";

/** The generator's sources, and the registry package it reads specs with (plus Biome's formatter settings). */
export const GENERATOR_SOURCES = ["scripts/codegen/src", "scripts/registry/src"];

/** The tools whose output lands in generated files: a new version of one makes every stamp stale. */
export const GENERATOR_TOOLS = ["openapi-typescript", "typescript", "@biomejs/biome", "js-yaml"];

/** Every file under `dir`, as absolute paths, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Of this checkout's generator, whichever repository it generates. */
export async function generatorFingerprint(root = repoRoot): Promise<string> {
  const require = createRequire(join(root, "scripts", "codegen", "package.json"));
  const versions = GENERATOR_TOOLS.map((name) => `${name}@${require(`${name}/package.json`).version}`);
  const files = (await Promise.all(GENERATOR_SOURCES.map((dir) => filesUnder(join(root, dir))))).flat();
  const texts = await Promise.all(
    files.map(async (file) => `${relative(root, file)}\n${await readFile(file, "utf8")}`),
  );
  return digest([...versions, await formatterConfig(root), ...texts].join("\n"));
}

export const inputsDigest = (specText: string, fingerprint: string, client?: object): string =>
  digest(`${fingerprint}\n${client ? `${JSON.stringify(client)}\n` : ""}${specText}`);
