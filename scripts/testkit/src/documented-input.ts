import { schemaExample } from "@clientele/codegen/render-samples";
import { deref } from "@clientele/registry/spec-walk";
import type { CallInput, FuzzOperation, Parameter } from "./operation-calls.js";

/** Which inputs a documented call passes: only what the spec requires, or every input it gives a value for. */
export type Extent = "required" | "every";

/** A spec or a part of it, as parsed from YAML. */
type Spec = any;

/**
 * The value the spec documents for a parameter or a JSON body: its example or first named example, else the value
 * the docs' samples show for its schema (composed from the properties' examples, a `<name>` where there is none).
 */
function documented(spec: Spec, holder: Spec, name: string): unknown {
  if (holder.example !== undefined) return holder.example;
  const first = holder.examples ? Object.values(holder.examples)[0] : undefined;
  if (first !== undefined) return deref<{ value?: unknown }>(spec, first as { value?: unknown }).value;
  return schemaExample(spec, holder.schema, name);
}

/** The properties a body schema requires, its `allOf` members' included. */
function requiredProperties(spec: Spec, schema: Spec): string[] {
  const resolved = deref(spec, schema);
  return [...(resolved.required ?? []), ...(resolved.allOf ?? []).flatMap((m: Spec) => requiredProperties(spec, m))];
}

function parameters(spec: Spec, list: Parameter[], extent: Extent) {
  const chosen = list.filter((p) => p.required || extent === "every");
  return Object.fromEntries(chosen.map((p) => [p.name, documented(spec, p.raw, p.name)]));
}

/**
 * A call as the spec documents it: path and query values and the body from its examples (see `documented`). With
 * `required`, only the required parameters and body properties.
 */
export function documentedInput(spec: Spec, op: FuzzOperation, extent: Extent): CallInput {
  const path = parameters(spec, op.path, "required");
  const query = op.query.length > 0 ? parameters(spec, op.query, extent) : undefined;
  if (!op.body) return { path, query };
  const body = documented(spec, op.body.raw, "body");
  if (extent === "every" || typeof body !== "object" || body === null || Array.isArray(body))
    return { path, query, body };
  const required = new Set(requiredProperties(spec, op.body.schema));
  return { path, query, body: Object.fromEntries(Object.entries(body).filter(([name]) => required.has(name))) };
}
