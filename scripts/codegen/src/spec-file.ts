import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { OpenAPI3 } from "@clientele/registry/spec-walk";
import { parseYaml } from "@clientele/registry/yaml";

/** A provider's spec, read once per use: its text (what stamps digest) and the parsed document. */
export interface SpecFile {
  text: string;
  spec: OpenAPI3;
}

export async function readSpec(root: string, provider: { spec: string }): Promise<SpecFile> {
  const text = await readFile(join(root, provider.spec), "utf8");
  return { text, spec: parseYaml(text) as OpenAPI3 };
}
