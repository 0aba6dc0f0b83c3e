import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Provider } from "@clientele/registry/registry";
import { factoryOf, readClientModel } from "./client-options.ts";
import { inputsDigest } from "./fingerprint.ts";
import { formatTypeScript } from "./format.ts";
import { RENDERERS, type RenderContext } from "./renderers.ts";
import { prepareRequestSchemas } from "./request-schemas.ts";
import { readSpec, type SpecFile } from "./spec-file.ts";
import { stamp } from "./stamp.ts";

export { GENERATED_FILES } from "./renderers.ts";

/**
 * Every generated file of one provider, rendered in memory, in table order, formatted and stamped. A renderer
 * reads only the files the table lists before it.
 */
export async function renderProvider(
  provider: Pick<Provider, "id" | "spec" | "packageDir" | "client">,
  root: string,
  fingerprint: string,
  read: Promise<SpecFile> = readSpec(root, provider),
): Promise<Map<string, string>> {
  const { text: specText, spec } = await read;
  const inputs = inputsDigest(specText, fingerprint, provider.client);
  // openapi-typescript reads a copy: it annotates the document it is given, and request schemas are closed in it.
  const typed = structuredClone(spec);
  const forbidden = prepareRequestSchemas(typed);
  const packageDir = join(root, provider.packageDir);
  const { name: packageName } = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8"));
  const rendered = new Map<string, string>();
  // The factory and the samples that call it come from one model of the spec's credentials, servers and options.
  const client = readClientModel(spec, provider.id, provider.client);
  const context: RenderContext = {
    spec,
    typed,
    forbidden,
    packageName,
    client,
    factory: factoryOf(client),
    files: rendered,
  };
  for (const renderer of RENDERERS) {
    const missing = (renderer.reads ?? []).filter((name) => !rendered.has(name));
    if (missing.length > 0) throw new Error(`renderer of ${renderer.file} reads ${missing.join(", ")}: list it later`);
    rendered.set(renderer.file, await renderer.render(context));
  }
  const formatted = await formatTypeScript(rendered);
  return new Map([...formatted].map(([name, body]) => [name, stamp(provider.spec, inputs, body)]));
}
