import type { OpenAPI3 } from "@clientele/registry/spec-walk";

/** A fixture document: only the parts a test is about (no `info`, a bare operation), read as the spec it stands for. */
export const asSpec = (document: object): OpenAPI3 => document as OpenAPI3;

/** A rendered file as the generator writes it: formatted by Biome. */
export async function formatted(text: string | Promise<string>): Promise<string> {
  const { formatTypeScript } = await import("../../src/format.ts");
  return (await formatTypeScript(new Map([["file.ts", await text]]))).get("file.ts") ?? "";
}
