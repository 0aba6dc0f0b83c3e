import { type OperationModel, readOperations } from "@clientele/codegen/render-operations";
import type { ApiPromise, RequestOptions } from "@clientele/core";
import { deref, listOperations } from "@clientele/registry/spec-walk";
import fc from "fast-check";
import { arbitraryFor } from "./arbitraries.js";

/** What a caller passes to one generated method, by where it goes on the wire. */
export interface CallInput {
  path: Record<string, unknown>;
  query?: Record<string, unknown> | undefined;
  body?: unknown;
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: any;
}

/** An operation as the fuzzer sees it: the generator's model plus the schemas of its inputs. */
export interface FuzzOperation {
  model: OperationModel;
  /** Path parameters the caller passes (not those the client fills from its options). */
  path: Parameter[];
  query: Parameter[];
  body: { required: boolean; schema: any } | undefined;
}

export function fuzzOperations(spec: any): FuzzOperation[] {
  const listed = listOperations(spec);
  return readOperations(spec).map((model) => {
    const found = listed.find((o) => o.operation.operationId === model.id);
    if (!found) throw new Error(`${model.id} is not in the spec`);
    const parameter = (p: any): Parameter => ({ name: p.name, required: p.required === true, schema: p.schema });
    const fromClient = new Set(model.pathParams.filter((p) => p.fromClient).map((p) => p.name));
    const requestBody = found.operation.requestBody ? deref<any>(spec, found.operation.requestBody) : undefined;
    return {
      model,
      path: model.pathParams
        .filter((p) => !fromClient.has(p.name))
        .map((p) => parameter(found.parameters.find((q) => q.in === "path" && q.name === p.name))),
      query: found.parameters.filter((p) => p.in === "query").map(parameter),
      body: requestBody && {
        required: requestBody.required === true,
        schema: requestBody.content["application/json"].schema,
      },
    };
  });
}

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

type Method = (...args: unknown[]) => ApiPromise<unknown>;

/** Calls the generated method as a user would: path parameters in order, then the body or the query, then options. */
export function call(client: Record<string, unknown>, op: FuzzOperation, input: CallInput, options: RequestOptions) {
  const method = client[op.model.id] as Method | undefined;
  if (typeof method !== "function") throw new Error(`the client has no method ${op.model.id}`);
  const args: unknown[] = op.path.map((p) => input.path[p.name]);
  if (op.model.body !== "none") args.push(input.body);
  else if (op.model.query !== "none") args.push(input.query);
  return method(...args, options);
}
