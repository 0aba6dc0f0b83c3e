import { deref, listOperations } from "@clientele/registry/spec-walk";
import fc from "fast-check";
import { describe, it } from "vitest";
import { loadSpec } from "../../src/spec.ts";
import { arbitraryFor } from "../fuzz/arbitraries.ts";
import { fuzzSettings } from "../fuzz/settings.ts";
import { expectNoDrift, validatorsOf } from "./providers.ts";

const { seed, runs } = fuzzSettings(process.env);

/**
 * A response schema as the validators read it, in the form the request arbitraries take: references inlined,
 * `allOf` merged into one object, objects that promise no more fields closed, read-only fields kept and
 * write-only ones dropped (a response never carries them).
 */
function asResponse(spec: any, raw: any): any {
  const node = deref(spec, raw);
  if (node === null || typeof node !== "object") return node;
  const { allOf, readOnly: _, ...out } = node;
  const properties: Record<string, any> = {};
  const required = new Set<string>(out.required ?? []);
  let open = out.additionalProperties === true;
  for (const part of [out, ...(allOf ?? []).map((m: any) => deref(spec, m))]) {
    for (const [name, property] of Object.entries<any>(part.properties ?? {})) {
      if (deref(spec, property).writeOnly !== true) properties[name] = asResponse(spec, property);
    }
    for (const name of part.required ?? []) required.add(name);
    open ||= part.additionalProperties === true;
  }
  if (out.items) out.items = asResponse(spec, out.items);
  const isObject = [out.type].flat().includes("object") || allOf || out.properties;
  if (!isObject) return out;
  return { ...out, properties, required: [...required], additionalProperties: open };
}

/** Every documented response with a JSON schema, with its documented headers at valid values. */
function responseSchemas(provider: string) {
  const spec = loadSpec(provider);
  return listOperations(spec).flatMap(({ operation }) =>
    Object.entries(operation.responses ?? {}).flatMap(([status, raw]) => {
      const response = deref(spec, raw);
      const schema = (Object.values(response.content ?? {})[0] as any)?.schema;
      const headers = new Headers(Object.keys(response.headers ?? {}).map((name): [string, string] => [name, "1"]));
      return schema
        ? [
            {
              name: `${operation.operationId} ${status}`,
              operationId: operation.operationId,
              status,
              spec,
              schema,
              headers,
            },
          ]
        : [];
    }),
  );
}

describe.each(Object.keys(validatorsOf))("%s: fuzzed valid responses", (provider) => {
  it.each(responseSchemas(provider))("$name leaves no drift", ({ operationId, status, spec, schema, headers }) => {
    fc.assert(
      fc.property(arbitraryFor(spec, asResponse(spec, schema)), (body) => {
        expectNoDrift(provider, { operationId, status: Number(status), headers, body });
      }),
      { seed, numRuns: runs },
    );
  });
});
