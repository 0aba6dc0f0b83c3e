// @ts-check
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { digest, stamp } from "./stamp.mjs";

const here = dirname(fileURLToPath(import.meta.url));

/** The generated files of a package, by name inside `src/generated/`. */
export const GENERATED_FILES = ["schema.ts", "models.ts", "operations.ts", "spec.ts"];

/**
 * A fingerprint of the generator itself, so a change to it makes every stamp stale.
 * @returns {Promise<string>}
 */
export async function generatorFingerprint() {
  const libs = (await readdir(here)).filter((f) => f.endsWith(".mjs")).sort();
  const sources = await Promise.all(
    [...libs.map((f) => join(here, f)), join(here, "..", "generate.mjs")].map((f) => readFile(f, "utf8")),
  );
  const require = createRequire(import.meta.url);
  const { version } = require("openapi-typescript/package.json");
  return digest(`${version}\n${sources.join("\n")}`);
}

/**
 * @param {string} specText
 * @param {string} fingerprint
 */
export const inputsDigest = (specText, fingerprint) => digest(`${fingerprint}\n${specText}`);

/**
 * Every generated file of one provider, rendered in memory.
 * @param {{ spec: string }} provider
 * @param {string} root
 * @param {string} fingerprint
 * @returns {Promise<Map<string, string>>}
 */
export async function renderProvider(provider, root, fingerprint) {
  const specText = await readFile(join(root, provider.spec), "utf8");
  const spec = parse(specText);
  const inputs = inputsDigest(specText, fingerprint);
  const [
    { default: openapiTS, astToString },
    { readOperations, renderOperations },
    { readPathOptions, renderModels, renderSpecConstants },
  ] = await Promise.all([import("openapi-typescript"), import("./render-operations.mjs"), import("./render-spec.mjs")]);
  // openapi-typescript reads a copy: it annotates the document it is given.
  const ast = await openapiTS(structuredClone(spec), { silent: true });
  const pathOptionsType = readPathOptions(spec).size > 0 ? "PathOptions" : "undefined";
  const bodies = {
    "schema.ts": astToString(ast),
    "models.ts": renderModels(spec),
    "operations.ts": renderOperations(readOperations(spec), pathOptionsType),
    "spec.ts": renderSpecConstants(spec),
  };
  return new Map(Object.entries(bodies).map(([name, body]) => [name, stamp(provider.spec, inputs, body)]));
}
