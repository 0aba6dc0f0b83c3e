import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Provider } from "@clientele/registry/registry";
import { inputsDigest } from "./fingerprint.ts";
import { formatTypeScript } from "./format.ts";
import type { Factory } from "./read-factory.ts";
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
  provider: Pick<Provider, "spec" | "packageDir">,
  root: string,
  fingerprint: string,
  read: Promise<SpecFile> = readSpec(root, provider),
): Promise<Map<string, string>> {
  const { text: specText, spec } = await read;
  const inputs = inputsDigest(specText, fingerprint);
  // openapi-typescript reads a copy: it annotates the document it is given, and request schemas are closed in it.
  const typed = structuredClone(spec);
  const forbidden = prepareRequestSchemas(typed);
  const packageDir = join(root, provider.packageDir);
  const { name: packageName } = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8"));
  const rendered = new Map<string, string>();
  let factory: Promise<Factory> | undefined;
  const overlay = () =>
    new Map([...rendered].map(([name, body]) => [join(packageDir, "src", "generated", name), body]));
  // The type checker loads only when a renderer asks for the factory.
  const readFactory = async () => (await import("./read-factory.ts")).readFactory(packageDir, overlay());
  const context: RenderContext = { spec, typed, forbidden, packageName, factory: () => (factory ??= readFactory()) };
  for (const renderer of RENDERERS) {
    const missing = (renderer.reads ?? []).filter((name) => !rendered.has(name));
    if (missing.length > 0) throw new Error(`renderer of ${renderer.file} reads ${missing.join(", ")}: list it later`);
    rendered.set(renderer.file, await renderer.render(context));
  }
  const formatted = await formatTypeScript(rendered);
  return new Map([...formatted].map(([name, body]) => [name, stamp(provider.spec, inputs, body)]));
}
