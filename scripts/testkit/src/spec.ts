import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findProvider, readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { deref, listOperations } from "@clientele/registry/spec-walk";
import { parse } from "yaml";

const registry = await readRegistry(repoRoot);

export interface DocumentedResponse {
  status: number;
  /** The body the spec documents (its first example), or undefined where it documents none. */
  body: unknown;
}

/** A registry provider's spec, parsed. */
export function loadSpec(provider: string): any {
  return parse(readFileSync(join(repoRoot, findProvider(registry, provider).spec), "utf8"));
}

export function operationIds(spec: any): string[] {
  return listOperations(spec).map((o) => o.operation.operationId);
}

/** Every response of an operation with its documented body, as Prism serves it by default. */
export function documentedResponses(spec: any, operationId: string): DocumentedResponse[] {
  const found = listOperations(spec).find((o) => o.operation.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return Object.entries(found.operation.responses ?? {}).map(([status, raw]) => {
    const response = deref(spec, raw);
    const media: any = Object.values(response.content ?? {})[0];
    const firstExample: any = media?.examples ? deref(spec, Object.values(media.examples)[0]) : undefined;
    const body = firstExample ? firstExample.value : media?.example;
    return { status: Number(status), body };
  });
}
