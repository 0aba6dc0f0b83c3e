import fc from "fast-check";
import type { CallInput, FuzzOperation, Parameter } from "../../src/operation-calls.js";
import { arbitraryFor } from "./arbitraries.js";

export { type CallInput, call, type FuzzOperation, fuzzOperations, type Parameter } from "../../src/operation-calls.js";

/**
 * A path segment cannot carry "", "." or "..": the URL would name another resource ("/customers/" or, once
 * URL parsing removes dot segments, the parent). Valid path values are therefore non-empty and not a dot segment.
 */
export const isPathSegment = (value: unknown) => value !== "" && value !== "." && value !== "..";

function parametersArbitrary(spec: any, parameters: Parameter[], where: string) {
  const shape = Object.fromEntries(parameters.map((p) => [p.name, arbitraryFor(spec, p.schema, `${where}.${p.name}`)]));
  return fc.record(shape, { requiredKeys: parameters.filter((p) => p.required).map((p) => p.name) });
}

/** Inputs the spec accepts for one operation. */
export function validInput(spec: any, op: FuzzOperation): fc.Arbitrary<CallInput> {
  const path = fc.record(
    Object.fromEntries(
      op.path.map((p) => [p.name, arbitraryFor(spec, p.schema, `${op.model.id} path ${p.name}`).filter(isPathSegment)]),
    ),
  );
  const query =
    op.query.length > 0 ? parametersArbitrary(spec, op.query, `${op.model.id} query`) : fc.constant(undefined);
  const body = op.body ? arbitraryFor(spec, op.body.schema, `${op.model.id} body`) : fc.constant(undefined);
  return fc
    .record({ path, query, body })
    .map(({ path, query, body }) => ({ path, query, ...(op.body ? { body } : {}) }));
}
