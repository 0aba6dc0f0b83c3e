// @ts-check
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { moduleGraph } from "./module-graph.mjs";
import { FORBIDDEN_IMPORT, forbiddenTypes, prepareRequestSchemas } from "./request-schemas.mjs";
import { digest, stamp } from "./stamp.mjs";

const here = dirname(fileURLToPath(import.meta.url));

/** The generated files of a package, by name inside `src/generated/`. */
export const GENERATED_FILES = [
  "schema.ts",
  "models.ts",
  "operations.ts",
  "spec.ts",
  "client.ts",
  "samples.ts",
  "validators.ts",
];

/** The tools whose output lands in generated files: a new version of one makes every stamp stale. */
const TOOLS = ["openapi-typescript", "typescript"];

/**
 * A fingerprint of the generator itself, so a change to it makes every stamp stale. It covers the modules the
 * generator imports (followed from main.mjs), not every file in scripts/: a new helper for some other
 * script must not invalidate every committed file.
 * @returns {Promise<string>}
 */
export async function generatorFingerprint() {
  const sources = await moduleGraph([join(here, "main.mjs")], here);
  const require = createRequire(import.meta.url);
  const versions = TOOLS.map((name) => `${name}@${require(`${name}/package.json`).version}`);
  return digest(`${versions.join("\n")}\n${sources.join("\n")}`);
}

/**
 * @param {string} specText
 * @param {string} fingerprint
 * @param {object} [client] the registry entry's `x-client` (name-level choices for the factory)
 */
export const inputsDigest = (specText, fingerprint, client) =>
  digest(`${fingerprint}\n${client ? `${JSON.stringify(client)}\n` : ""}${specText}`);

/**
 * The component schemas open in the spec (`additionalProperties: true`) and closed in the typed copy.
 * @param {any} spec
 * @param {any} typed
 */
const closedSchemas = (spec, typed) =>
  new Set(
    Object.keys(spec.components?.schemas ?? {}).filter(
      (name) =>
        spec.components.schemas[name].additionalProperties === true &&
        typed.components.schemas[name].additionalProperties === undefined,
    ),
  );

/**
 * Every generated file of one provider, rendered in memory.
 * @param {{ id: string, spec: string, packageDir: string, client?: { name?: string } }} provider
 * @param {string} root
 * @param {string} fingerprint
 * @returns {Promise<Map<string, string>>}
 */
export async function renderProvider(provider, root, fingerprint) {
  const specText = await readFile(join(root, provider.spec), "utf8");
  const spec = parse(specText);
  const inputs = inputsDigest(specText, fingerprint, provider.client);
  const [
    { default: openapiTS, astToString, NEVER },
    { default: ts },
    { readOperations, renderOperations },
    { readPathOptions, renderModels, renderSpecConstants },
    { factoryOf, readClientModel },
    { renderFactory },
    { renderSamples },
    { renderValidators },
  ] = await Promise.all([
    import("openapi-typescript"),
    import("typescript"),
    import("./render-operations.mjs"),
    import("./render-spec.mjs"),
    import("./client-options.ts"),
    import("./render-factory.ts"),
    import("./render-samples.mjs"),
    import("./render-validators.mjs"),
  ]);
  // openapi-typescript reads a copy: it annotates the document it is given, and request schemas are closed in it.
  const typed = structuredClone(spec);
  const forbidden = prepareRequestSchemas(typed);
  const ast = await openapiTS(typed, { silent: true, transform: forbiddenTypes(forbidden, ts, NEVER) });
  const schemaText = astToString(ast);
  const pathOptionsType = readPathOptions(spec).size > 0 ? "PathOptions" : "undefined";
  /** @type {Record<string, string>} */
  const bodies = {
    "schema.ts": forbidden.size > 0 ? FORBIDDEN_IMPORT + schemaText : schemaText,
    "models.ts": renderModels(spec, closedSchemas(spec, typed)),
    "operations.ts": renderOperations(readOperations(spec), pathOptionsType),
    "spec.ts": renderSpecConstants(spec),
  };
  const stamped = (/** @type {string} */ body) => stamp(provider.spec, inputs, body);
  // The factory and the samples that call it come from one model of the spec's credentials, servers and options.
  const client = readClientModel(spec, provider.id, provider.client);
  const specExports = new Set(
    [...String(bodies["spec.ts"]).matchAll(/^export const (\w+)/gm)].map((m) => String(m[1])),
  );
  bodies["client.ts"] = renderFactory(client, specExports);
  const factory = factoryOf(client);
  const { name: packageName } = JSON.parse(await readFile(join(root, provider.packageDir, "package.json"), "utf8"));
  bodies["samples.ts"] = renderSamples(spec, { packageName, factory });
  // createCycleSoftwareClient → cycleSoftwareValidators: named after the factory it goes with.
  const base = factory.name.replace(/^create(\w)(\w*)Client$/, (_, first, rest) => first.toLowerCase() + rest);
  bodies["validators.ts"] = renderValidators(spec, { exportName: `${base}Validators` });
  return new Map(Object.entries(bodies).map(([name, body]) => [name, stamped(body)]));
}
