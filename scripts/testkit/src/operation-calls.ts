import { type OperationModel, readOperations } from "@clientele/codegen/render-operations";
import type { ApiPromise, RequestOptions } from "@clientele/core";
import { deref, listOperations } from "@clientele/registry/spec-walk";
import type { MediaTypeObject, RequestBodyObject } from "openapi-typescript";

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
  /** The parameter as the spec declares it (its examples included). */
  raw: any;
}

/** An operation as the fuzzer sees it: the generator's model plus the schemas of its inputs. */
export interface FuzzOperation {
  model: OperationModel;
  /** Path parameters the caller passes (not those the client fills from its options). */
  path: Parameter[];
  query: Parameter[];
  /** `raw` is the body's JSON media object (its examples included). */
  body: { required: boolean; schema: any; raw: any } | undefined;
}

/** Every operation of a spec with the inputs a caller passes to its generated method. */
export function fuzzOperations(spec: any): FuzzOperation[] {
  const listed = listOperations(spec);
  return readOperations(spec).map((model) => {
    const found = listed.find((o) => o.operation.operationId === model.id);
    if (!found) throw new Error(`${model.id} is not in the spec`);
    const parameter = (p: any): Parameter => ({
      name: p.name,
      required: p.required === true,
      schema: p.schema,
      raw: p,
    });
    const fromClient = new Set(model.pathParams.filter((p) => p.fromClient).map((p) => p.name));
    const requestBody = found.operation.requestBody
      ? deref<RequestBodyObject>(spec, found.operation.requestBody)
      : undefined;
    const media = requestBody?.content["application/json"] as MediaTypeObject | undefined;
    return {
      model,
      path: model.pathParams
        .filter((p) => !fromClient.has(p.name))
        .map((p) => parameter(found.parameters.find((q) => q.in === "path" && q.name === p.name))),
      query: found.parameters.filter((p) => p.in === "query").map(parameter),
      body: requestBody && {
        required: requestBody.required === true,
        schema: media?.schema,
        raw: media,
      },
    };
  });
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
