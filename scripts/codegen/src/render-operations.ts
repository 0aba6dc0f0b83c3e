import { deref, listOperations } from "@clientele/registry/spec-walk";
import { readHints } from "./response-hints.ts";

const IDEMPOTENT_METHODS = new Set(["get", "put", "delete", "head", "options"]);

/**
 * What the generator needs to know of one operation.
 * @typedef {object} OperationModel
 * @property {string} id
 * @property {string} method      upper case
 * @property {string} path        the spec's path template
 * @property {boolean} idempotent
 * @property {{ name: string, fromClient: boolean }[]} pathParams  in path order
 * @property {"none" | "optional" | "required"} query
 * @property {"none" | "optional" | "required"} body
 * @property {{ parameter: string, items: string[], nextOffset: string[] } | undefined} pagination
 * @property {boolean} json        every 2xx response has a JSON body
 * @property {{ property: string, message?: string } | undefined} errorFlag  from `x-error-flag`
 * @property {string} summary
 * @property {string | undefined} description
 * @property {string | undefined} experimental  why the operation is a guess, for its `@experimental` tag
 * @property {Record<string, string>} hints  per documented error status, what it means (`ApiError.hint`)
 */

export function readOperations(spec: OpenAPI3): OperationModel[] {
  return listOperations(spec).map(({ path, method, operation, parameters }) => {
    const id = operation.operationId;
    const where = `${method.toUpperCase()} ${path}`;
    if (typeof id !== "string") throw new Error(`${where} has no operationId`);
    const unsupported = parameters.filter((p) => p.in !== "path" && p.in !== "query");
    if (unsupported.length > 0) {
      throw new Error(`${id}: ${unsupported.map((p) => `${p.in} parameter "${p.name}"`).join(", ")} not supported`);
    }
    const byName = new Map(parameters.filter((p) => p.in === "path").map((p) => [p.name, p]));
    const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => {
      const parameter = byName.get(name as string);
      if (!parameter) throw new Error(`${id}: path parameter {${name}} is not declared`);
      return { name: name as string, fromClient: typeof parameter["x-client-option"] === "string" };
    });
    const query = parameters.filter((p) => p.in === "query");
    const requestBody = operation.requestBody ? deref(spec, operation.requestBody) : undefined;
    if (requestBody) {
      const types = Object.keys(requestBody.content ?? {});
      if (types.length !== 1 || types[0] !== "application/json") {
        throw new Error(`${id}: request body must be application/json only, found ${types.join(", ") || "none"}`);
      }
      // The runtime refuses a body that is not a JSON object (null, a string, an array, a Map) before sending it.
      const schema = deref(spec, requestBody.content["application/json"].schema ?? {});
      if (schema.type !== "object") throw new Error(`${id}: request body schema must be of type object`);
    }
    return {
      id,
      method: method.toUpperCase(),
      path,
      idempotent: IDEMPOTENT_METHODS.has(method) || operation["x-idempotent"] === true,
      pathParams,
      query: query.length === 0 ? "none" : query.some((p) => p.required) ? "required" : "optional",
      body: !requestBody ? "none" : requestBody.required ? "required" : "optional",
      pagination: readPagination(id, operation["x-pagination"], query),
      ...readSuccess(spec, id, operation),
      summary: operation.summary ?? id,
      description: operation.description,
      experimental: readExperimental(id, operation, spec.paths?.[path]),
      hints: readHints(spec, operation),
    };
  });
}

/** An operation the spec infers whole (it, or its path, is `x-inferred`) gets `@experimental` with a reason. */
const INFERRED_OPERATION =
  "Not every part of this call is stated by the vendor's document (`x-inferred` in the spec), so it may change.";

function readExperimental(id: string, operation: any, pathItem: any) {
  const reason = operation["x-experimental"];
  if (reason !== undefined && (typeof reason !== "string" || reason.trim() === "")) {
    throw new Error(`${id}: x-experimental must be a sentence saying why the operation is experimental`);
  }
  if (reason !== undefined) return reason.trim().replace(/\s+/g, " ");
  return operation["x-inferred"] === true || pathItem?.["x-inferred"] === true ? INFERRED_OPERATION : undefined;
}

/**
 * What the 2xx responses promise: a JSON body on every one (so an empty or unparseable body is an error), and an
 * in-body error flag (`x-error-flag: { property, message }` on a 2xx response), checked against the body's schema.
 *
 */
function readSuccess(
  spec: OpenAPI3,
  id: string,
  operation: any,
): { json: boolean; errorFlag: { property: string; message?: string } | undefined } {
  const success = Object.entries(operation.responses ?? {})
    .filter(([status]) => /^2/.test(status))
    .map(([, response]) => deref(spec, response));
  const json =
    success.length > 0 &&
    success.every((r) => Object.keys(r.content ?? {}).some((type) => /^application\/(.+\+)?json\b/.test(type)));
  let errorFlag;
  for (const response of success) {
    const flag = response["x-error-flag"];
    if (flag === undefined) continue;
    const { property, message, ...unknown } = flag ?? {};
    if (typeof property !== "string" || (message !== undefined && typeof message !== "string")) {
      throw new Error(`${id}: x-error-flag needs { property: <name>, message?: <name> }`);
    }
    if (Object.keys(unknown).length > 0)
      throw new Error(`${id}: x-error-flag has unknown keys ${Object.keys(unknown)}`);
    for (const type of Object.values(response.content ?? {})) {
      const properties = deref(spec, (type as any).schema ?? {}).properties ?? {};
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
  return { json, errorFlag };
}

function readPagination(id: string, extension: any, query: any[]) {
  if (extension === undefined) return undefined;
  const { style, parameter, items, nextOffset } = extension;
  if (style !== "offset") throw new Error(`${id}: x-pagination style "${style}" is not supported (offset only)`);
  if (!query.some((p) => p.name === parameter))
    throw new Error(`${id}: x-pagination parameter "${parameter}" is no query parameter`);
  return { parameter, items: pointer(id, items), nextOffset: pointer(id, nextOffset) };
}

/** `id`: @param {unknown} value */
function pointer(id: string, value) {
  if (typeof value !== "string" || !value.startsWith("/")) throw new Error(`${id}: x-pagination needs JSON pointers`);
  return value.slice(1).split("/");
}

const pascal = (id: string) => id[0]?.toUpperCase() + id.slice(1);
const camel = (name: string) => name.replace(/[^A-Za-z0-9]+(.)/g, (_, c) => c.toUpperCase());

function docComment(op: OperationModel, indent: string) {
  const lines = [op.summary, "", `\`${op.method} ${op.path}\``];
  if (op.experimental) lines.push("", `@experimental ${op.experimental}`);
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ""}`).join("\n")}\n${indent} */\n`;
}

/** The typed inputs of an operation, as `name: Type` strings in call order. */
function parameterList(op: OperationModel) {
  const name = pascal(op.id);
  const list = op.pathParams
    .filter((p) => !p.fromClient)
    .map((p) => `${camel(p.name)}: PathOf<operations["${op.id}"]>["${p.name}"]`);
  if (op.body !== "none") list.push(`body${op.body === "optional" ? "?" : ""}: ${name}Body`);
  else if (op.query !== "none") list.push(`query${op.query === "optional" ? "?" : ""}: ${name}Query`);
  // A body's call also takes `extraBody`, typed against the body so a field it names cannot bypass its check.
  list.push(op.body === "none" ? "options?: RequestOptions" : `options?: BodyRequestOptions<${name}Body>`);
  return list;
}

/**
 * The path: a string, or where it holds parameters or a query a function the transport calls, so a bad parameter
 * rejects the call's promise (naming the operation and the parameter) instead of throwing before there is one.
 *
 * `query`: the expression of the query object, where the operation takes one*/
function pathExpression(op: OperationModel, query: string | undefined) {
  if (op.pathParams.length === 0 && !query) return JSON.stringify(op.path);
  let template = op.path.replace(/\{([^}]+)\}/g, (_, name) => {
    const param = op.pathParams.find((p) => p.name === name);
    const value = param?.fromClient ? `transport.path.${name}` : camel(name);
    return `\${pathParam(${value}, ${op.id}Operation, ${JSON.stringify(name)})}`;
  });
  if (query) template += `\${queryString(${query}, ${op.id}Operation)}`;
  return `() => \`${template}\``;
}

/** `segments`: @param {string} root */
const accessExpression = (segments: string[], root) => segments.reduce((at, key) => `${at}?.${key}`, root);
/** `segments`: @param {string} root */
const accessType = (segments: string[], root) => segments.reduce((at, key) => `NonNullable<${at}>["${key}"]`, root);

/**
 * One constant per distinct hint, shared by every operation that documents it (Cubit's 401 is the same on all six),
 * so the full client carries each text once and a one-call app only its operation's.
 *
 * Returns hint text → constant name*/
function hintConstants(operations: OperationModel[]): Map<string, string> {
  const names: Map<string, string> = new Map();
  for (const op of operations) {
    for (const [status, hint] of Object.entries(op.hints)) {
      if (names.has(hint)) continue;
      const taken = [...names.values()].filter((name) => name.startsWith(`hint${status}`)).length;
      names.set(hint, `hint${status}${taken === 0 ? "" : `_${taken + 1}`}`);
    }
  }
  return names;
}

/** `, hints: { 400: hint400, … }`, or nothing where the spec documents no error status. */
function hintsField(op: OperationModel, constants: Map<string, string>) {
  const entries = Object.entries(op.hints).map(([status, hint]) => `${status}: ${constants.get(hint)}`);
  return entries.length === 0 ? "" : `, hints: { ${entries.join(", ")} }`;
}

function renderFunction(op: OperationModel, pathOptionsType: string, constants: Map<string, string>) {
  const name = pascal(op.id);
  const takesQuery = op.body === "none" && op.query !== "none";
  // Only what this operation uses: the query and body code come in through the arguments of `send`.
  const body = op.body === "none" ? "" : ", jsonBody, body";
  const signature = `transport: Transport<${pathOptionsType}>, ${parameterList(op).join(", ")}`;
  // Only what this operation needs: a flag absent from the constant costs its calls nothing.
  const bodyField = op.body === "none" ? "" : `, body: "${op.body}"`;
  const extra = `${bodyField}${op.json ? ", json: true" : ""}${
    op.errorFlag
      ? `, errorFlag: errorFlag(${[op.errorFlag.property, op.errorFlag.message]
          .filter((v) => v !== undefined)
          .map((v) => JSON.stringify(v))
          .join(", ")})`
      : ""
  }${hintsField(op, constants)}`;
  let text = `const ${op.id}Operation: Operation = { id: "${op.id}", method: "${op.method}", idempotent: ${op.idempotent}${extra} };\n\n`;
  text += `export type ${name}Result = SuccessBody<operations["${op.id}"]>;\n`;
  if (op.body !== "none") text += `export type ${name}Body = NonNullable<JsonBody<operations["${op.id}"]>>;\n`;
  if (op.query !== "none") text += `export type ${name}Query = NonNullable<QueryOf<operations["${op.id}"]>>;\n`;
  if (op.pagination) {
    const { parameter, items, nextOffset } = op.pagination;
    const query = takesQuery ? `${parameter} === undefined ? query : { ...query, ${parameter} }` : `{ ${parameter} }`;
    text += `export type ${name}Item = NonNullable<${accessType(items, `${name}Result`)}>[number];\n\n`;
    text += docComment(op, "");
    text += `export function ${op.id}(${signature}): PagePromise<${name}Result, ${name}Item> {\n`;
    text += `  const page = (${parameter}?: number) =>\n`;
    text += `    send<${name}Result>(transport, ${op.id}Operation, ${pathExpression(op, `(${query})`)}, options${body});\n`;
    text += `  return paginateByOffset(page(), page, (p) => ${accessExpression(items, "p")}, (p) => ${accessExpression(nextOffset, "p")}, ${op.id}Operation);\n}\n`;
    return text;
  }
  text += `\n${docComment(op, "")}`;
  text += `export function ${op.id}(${signature}): ApiPromise<${name}Result> {\n`;
  text += `  return send(transport, ${op.id}Operation, ${pathExpression(op, takesQuery ? "query" : undefined)}, options${body});\n}\n`;
  return text;
}

function renderBinding(op: OperationModel) {
  const params = parameterList(op);
  const args = params.map((p) => p.slice(0, p.search(/[?:]/)));
  const result = op.pagination
    ? `PagePromise<${pascal(op.id)}Result, ${pascal(op.id)}Item>`
    : `ApiPromise<${pascal(op.id)}Result>`;
  return `${docComment(op, "    ")}    ${op.id}: (${params.join(", ")}): ${result} => ${op.id}(transport, ${args.join(", ")}),\n`;
}

/** operations.ts: one standalone, tree-shakeable function per operation, and `bindOperations` for the client object. */
export function renderOperations(operations: OperationModel[], pathOptionsType: string) {
  const paginated = operations.some((op) => op.pagination);
  const usesPathParam = operations.some((op) => op.pathParams.length > 0);
  const coreValues = ["type ApiPromise", "type JsonBody", "type Operation", "type PathOf", "type QueryOf"];
  coreValues.push("type SuccessBody", "type Transport");
  if (operations.some((op) => op.body === "none")) coreValues.push("type RequestOptions");
  if (operations.some((op) => op.body !== "none")) coreValues.push("type BodyRequestOptions");
  if (paginated) coreValues.push("type PagePromise", "paginateByOffset");
  if (usesPathParam) coreValues.push("pathParam");
  coreValues.push("send");
  if (operations.some((op) => op.errorFlag)) coreValues.push("errorFlag");
  if (operations.some((op) => op.body !== "none")) coreValues.push("jsonBody");
  if (operations.some((op) => op.body === "none" && op.query !== "none")) coreValues.push("queryString");
  coreValues.sort((a, b) => a.replace("type ", "").localeCompare(b.replace("type ", "")));
  let text = `import { ${coreValues.join(", ")} } from "@clientele/core/runtime";\n`;
  text += `import type { operations } from "./schema.js";\n`;
  if (pathOptionsType !== "undefined") text += `import type { PathOptions } from "./spec.js";\n`;
  text += "\n";
  const constants = hintConstants(operations);
  if (constants.size > 0) {
    text += "// What each documented error status means (the spec's response descriptions): an ApiError's `hint`.\n";
    for (const [hint, name] of constants) text += `const ${name} = ${JSON.stringify(hint)};\n`;
    text += "\n";
  }
  text += operations.map((op) => renderFunction(op, pathOptionsType, constants)).join("\n");
  text += `\n/** The client's methods: every operation with the transport bound. */\n`;
  text += `export function bindOperations(transport: Transport<${pathOptionsType}>) {\n  return {\n`;
  text += operations.map(renderBinding).join("");
  text += "  };\n}\n\nexport type Operations = ReturnType<typeof bindOperations>;\n";
  return text;
}
