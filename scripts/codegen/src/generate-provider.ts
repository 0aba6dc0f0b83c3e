import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { moduleGraph } from "./module-graph.ts";
import { FORBIDDEN_IMPORT, forbiddenTypes, prepareRequestSchemas } from "./request-schemas.ts";
import { digest, stamp } from "./stamp.ts";

const here = dirname(fileURLToPath(import.meta.url));

/** The generated files of a package, by name inside `src/generated/`. */
export const GENERATED_FILES = ["schema.ts", "models.ts", "operations.ts", "spec.ts", "samples.ts", "validators.ts"];

/** The tools whose output lands in generated files: a new version of one makes every stamp stale. */
const TOOLS = ["openapi-typescript", "typescript"];

/**
 * A fingerprint of the generator itself, so a change to it makes every stamp stale. It covers the modules the
 * generator imports (followed from main.mjs), not every file in scripts/: a new helper for some other
 * script must not invalidate every committed file.
 */
export async function generatorFingerprint(): Promise<string> {
  const sources = await moduleGraph([join(here, "main.ts")], here);
  const require = createRequire(import.meta.url);
  const versions = TOOLS.map((name) => `${name}@${require(`${name}/package.json`).version}`);
  return digest(`${versions.join("\n")}\n${sources.join("\n")}`);
}

export const inputsDigest = (specText: string, fingerprint: string) => digest(`${fingerprint}\n${specText}`);

/** The component schemas open in the spec (`additionalProperties: true`) and closed in the typed copy. */
const closedSchemas = (spec: OpenAPI3, typed: any) =>
  new Set(
    Object.keys(spec.components?.schemas ?? {}).filter(
      (name) =>
        spec.components.schemas[name].additionalProperties === true &&
        typed.components.schemas[name].additionalProperties === undefined,
    ),
  );

/** Every generated file of one provider, rendered in memory. */
export async function renderProvider(
  provider: { spec: string; packageDir: string },
  root: string,
  fingerprint: string,
): Promise<Map<string, string>> {
  const specText = await readFile(join(root, provider.spec), "utf8");
  const spec = parse(specText);
  const inputs = inputsDigest(specText, fingerprint);
  const [
    { default: openapiTS, astToString, NEVER },
    { default: ts },
    { readOperations, renderOperations },
    { readPathOptions, renderModels, renderSpecConstants },
    { readFactory },
    { renderSamples },
    { renderValidators },
  ] = await Promise.all([
    import("openapi-typescript"),
    import("typescript"),
    import("./render-operations.ts"),
    import("./render-spec.ts"),
    import("./read-factory.ts"),
    import("./render-samples.ts"),
    import("./render-validators.ts"),
  ]);
  // openapi-typescript reads a copy: it annotates the document it is given, and request schemas are closed in it.
  const typed = structuredClone(spec);
  const forbidden = prepareRequestSchemas(typed);
  const ast = await openapiTS(typed, { silent: true, transform: forbiddenTypes(forbidden, ts, NEVER) });
  const schemaText = astToString(ast);
  const pathOptionsType = readPathOptions(spec).size > 0 ? "PathOptions" : "undefined";
  const bodies: Record<string, string> = {
    "schema.ts": forbidden.size > 0 ? FORBIDDEN_IMPORT + schemaText : schemaText,
    "models.ts": renderModels(spec, closedSchemas(spec, typed)),
    "operations.ts": renderOperations(readOperations(spec), pathOptionsType),
    "spec.ts": renderSpecConstants(spec),
  };
  const stamped = (body: string) => stamp(provider.spec, inputs, body);
  // The samples call the hand-written factory, read with the type checker over the files just rendered, so a
  // changed spec and its samples are generated in one pass.
  const generatedDir = join(root, provider.packageDir, "src", "generated");
  const overlay = new Map(Object.entries(bodies).map(([name, body]) => [join(generatedDir, name), stamped(body)]));
  const factory = readFactory(join(root, provider.packageDir), overlay);
  const { name: packageName } = JSON.parse(await readFile(join(root, provider.packageDir, "package.json"), "utf8"));
  bodies["samples.ts"] = renderSamples(spec, { packageName, factory });
  // createCycleSoftwareClient → cycleSoftwareValidators: named after the factory it goes with.
  const base = factory.name.replace(/^create(\w)(\w*)Client$/, (_, first, rest) => first.toLowerCase() + rest);
  bodies["validators.ts"] = renderValidators(spec, { exportName: `${base}Validators` });
  return new Map(Object.entries(bodies).map(([name, body]) => [name, stamped(body)]));
}
