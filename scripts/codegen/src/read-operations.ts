// What the generator knows of each operation, read once from the spec: every renderer works from this model.
import {
  deref,
  derefSchema,
  type FoundOperation,
  listOperations,
  type OpenAPI3,
  type OperationObject,
  type ParameterObject,
} from "@clientele/registry/spec-walk";
import type { MediaTypeObject, PathItemObject, RequestBodyObject, ResponseObject } from "openapi-typescript";
import { readHints } from "./response-hints.ts";
import { typeName } from "./type-names.ts";

const IDEMPOTENT_METHODS = new Set(["get", "put", "delete", "head", "options"]);

export interface PathParam {
  name: string;
  /** filled from the client's options (`x-client-option`), not an argument */
  fromClient: boolean;
  /** its schema as a TypeScript type (`string`, `number`, a model's name, a union of literals) */
  type: string;
  description: string | undefined;
}

export interface OperationModel {
  id: string;
  /** upper case */
  method: string;
  /** the spec's path template */
  path: string;
  idempotent: boolean;
  /** in path order */
  pathParams: PathParam[];
  query: "none" | "optional" | "required";
  /** the query parameters' descriptions, by name, for the doc comment */
  queryDocs: { name: string; description: string }[];
  body: "none" | "optional" | "required";
  bodyDescription: string | undefined;
  /** the component schema the JSON body is, where it is a `$ref` to one */
  bodyModel: string | undefined;
  /** the component schema every 2xx JSON response is, where it is one `$ref` */
  resultModel: string | undefined;
  pagination: { parameter: string; items: string[]; nextOffset: string[] } | undefined;
  /** every 2xx response has a JSON body */
  json: boolean;
  /** from `x-error-flag` */
  errorFlag: { property: string; message?: string } | undefined;
  summary: string;
  description: string | undefined;
  /** why the operation is a guess, for its `@experimental` tag */
  experimental: string | undefined;
  /** per documented error status, what it means (`ApiError.hint`) */
  hints: Record<string, string>;
}

export function readOperations(spec: OpenAPI3): OperationModel[] {
  return listOperations(spec).map((found) => readOperation(spec, found));
}

function readOperation(spec: OpenAPI3, { path, method, operation, parameters }: FoundOperation): OperationModel {
  const id = operation.operationId;
  const unsupported = parameters.filter((p) => p.in !== "path" && p.in !== "query");
  if (unsupported.length > 0) {
    throw new Error(`${id}: ${unsupported.map((p) => `${p.in} parameter "${p.name}"`).join(", ")} not supported`);
  }
  const byName = new Map(parameters.filter((p) => p.in === "path").map((p) => [p.name, p]));
  const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name = ""]) => {
    const parameter = byName.get(name);
    if (!parameter) throw new Error(`${id}: path parameter {${name}} is not declared`);
    const fromClient = typeof parameter["x-client-option"] === "string";
    return { name, fromClient, type: typeName(spec, parameter.schema), description: parameter.description };
  });
  const query = parameters.filter((p) => p.in === "query");
  const { body, bodyDescription, bodyModel } = readBody(spec, id, operation);
  return {
    id,
    method: method.toUpperCase(),
    path,
    idempotent: IDEMPOTENT_METHODS.has(method) || operation["x-idempotent"] === true,
    pathParams,
    query: query.length === 0 ? "none" : query.some((p) => p.required) ? "required" : "optional",
    queryDocs: query.flatMap(({ name, description }) => (description ? [{ name, description }] : [])),
    body,
    bodyDescription,
    bodyModel,
    pagination: readPagination(id, operation["x-pagination"], query),
    ...readSuccess(spec, id, operation),
    summary: operation.summary ?? id,
    description: operation.description,
    experimental: readExperimental(id, operation, deref<PathItemObject | undefined>(spec, spec.paths?.[path])),
    hints: readHints(spec, operation),
  };
}

/** The component schema a `$ref` names, where `node` is one to `#/components/schemas/…`. */
const modelName = (node: unknown): string | undefined =>
  node && typeof node === "object" && "$ref" in node && typeof node.$ref === "string"
    ? /^#\/components\/schemas\/([A-Za-z_$][\w$]*)$/.exec(node.$ref)?.[1]
    : undefined;

function readBody(spec: OpenAPI3, id: string, operation: OperationObject) {
  if (!operation.requestBody) return { body: "none", bodyDescription: undefined, bodyModel: undefined } as const;
  const requestBody = deref<RequestBodyObject>(spec, operation.requestBody);
  const types = Object.keys(requestBody.content ?? {});
  const media = requestBody.content?.["application/json"];
  if (types.length !== 1 || !media) {
    throw new Error(`${id}: request body must be application/json only, found ${types.join(", ") || "none"}`);
  }
  // The runtime refuses a body that is not a JSON object (null, a string, an array, a Map) before sending it.
  const { schema } = deref<MediaTypeObject>(spec, media);
  if (derefSchema(spec, schema).type !== "object") throw new Error(`${id}: request body schema must be of type object`);
  return {
    body: requestBody.required ? "required" : "optional",
    bodyDescription: requestBody.description,
    bodyModel: modelName(schema),
  } as const;
}

/** An operation the spec infers whole (it, or its path, is `x-inferred`) gets `@experimental` with a reason. */
const INFERRED_OPERATION =
  "Not every part of this call is stated by the vendor's document (`x-inferred` in the spec), so it may change.";

function readExperimental(id: string, operation: OperationObject, pathItem: PathItemObject | undefined) {
  const reason: unknown = operation["x-experimental"];
  if (reason !== undefined && (typeof reason !== "string" || reason.trim() === "")) {
    throw new Error(`${id}: x-experimental must be a sentence saying why the operation is experimental`);
  }
  if (typeof reason === "string") return reason.trim().replace(/\s+/g, " ");
  return operation["x-inferred"] === true || pathItem?.["x-inferred"] === true ? INFERRED_OPERATION : undefined;
}

type ErrorFlag = { property: string; message?: string };

/**
 * What the 2xx responses promise: a JSON body on every one (so an empty or unparseable body is an error), the model
 * they all are, and an in-body error flag (`x-error-flag: { property, message }` on a 2xx response), checked against
 * the body's schema.
 */
function readSuccess(spec: OpenAPI3, id: string, operation: OperationObject) {
  const success = Object.entries(operation.responses ?? {})
    .filter(([status]) => /^2/.test(status))
    .map(([, response]) => deref<ResponseObject>(spec, response));
  const json =
    success.length > 0 &&
    success.every((r) => Object.keys(r.content ?? {}).some((type) => /^application\/(.+\+)?json\b/.test(type)));
  const models = new Set(
    success.flatMap((r) => Object.values(r.content ?? {}).map((media) => modelName(media.schema))),
  );
  const [resultModel] = models;
  let errorFlag: ErrorFlag | undefined;
  for (const response of success) {
    const flag: unknown = response["x-error-flag"];
    if (flag === undefined) continue;
    const { property, message, ...unknown } = (flag ?? {}) as Record<string, unknown>;
    if (typeof property !== "string" || (message !== undefined && typeof message !== "string")) {
      throw new Error(`${id}: x-error-flag needs { property: <name>, message?: <name> }`);
    }
    if (Object.keys(unknown).length > 0)
      throw new Error(`${id}: x-error-flag has unknown keys ${Object.keys(unknown)}`);
    for (const media of Object.values(response.content ?? {})) {
      const properties = derefSchema(spec, media.schema).properties ?? {};
      for (const name of [property, message]) {
        if (name !== undefined && !(name in properties)) {
          throw new Error(`${id}: x-error-flag names "${name}", which the response body does not define`);
        }
      }
    }
    if (errorFlag && JSON.stringify(errorFlag) !== JSON.stringify(flag)) {
      throw new Error(`${id}: its 2xx responses name different x-error-flag properties`);
    }
    errorFlag = message === undefined ? { property } : { property, message };
  }
  return { json, errorFlag, resultModel: json && models.size === 1 ? resultModel : undefined };
}

function readPagination(id: string, extension: unknown, query: ParameterObject[]) {
  if (extension === undefined) return undefined;
  const { style, parameter, items, nextOffset } = (extension ?? {}) as Record<string, unknown>;
  if (style !== "offset") throw new Error(`${id}: x-pagination style "${style}" is not supported (offset only)`);
  if (typeof parameter !== "string" || !query.some((p) => p.name === parameter))
    throw new Error(`${id}: x-pagination parameter "${parameter}" is no query parameter`);
  return { parameter, items: pointer(id, items), nextOffset: pointer(id, nextOffset) };
}

function pointer(id: string, value: unknown) {
  if (typeof value !== "string" || !value.startsWith("/")) throw new Error(`${id}: x-pagination needs JSON pointers`);
  return value.slice(1).split("/");
}
