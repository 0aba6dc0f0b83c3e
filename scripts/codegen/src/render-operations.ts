// operations.ts: one standalone, tree-shakeable function per operation, and `bindOperations` for the client object.
import { importLine } from "./imports.ts";
import { docComment, hintConstants, hintsField } from "./operation-docs.ts";
import type { OperationModel } from "./read-operations.ts";
import { camel, pascal } from "./type-names.ts";

export { type OperationModel, readOperations } from "./read-operations.ts";

const CORE = [
  ...["ApiPromise", "BodyRequestOptions", "JsonBody", "Operation", "PagePromise", "QueryOf", "RequestOptions"],
  ...["SuccessBody", "Transport"],
].map((name) => `type ${name}`);
const CORE_VALUES = ["errorFlag", "jsonBody", "paginateByOffset", "pathParam", "queryString", "send"];

/** What a signature says: the model's own name where the spec names one, so a hover shows `Customer`. */
const resultType = (op: OperationModel) => op.resultModel ?? `${pascal(op.id)}Result`;
const bodyType = (op: OperationModel) => op.bodyModel ?? `${pascal(op.id)}Body`;

/** The typed inputs of an operation, as `name: Type` strings in call order: path, body, query, options. */
function parameterList(op: OperationModel) {
  const name = pascal(op.id);
  const body = bodyType(op);
  const list = op.pathParams.filter((p) => !p.fromClient).map((p) => `${camel(p.name)}: ${p.type}`);
  // A required query after an optional body: the body stays positional, `undefined` where there is none.
  const bodyOptional = op.body === "optional" && op.query !== "required";
  const orUndefined = op.body === "optional" && !bodyOptional ? " | undefined" : "";
  if (op.body !== "none") list.push(`body${bodyOptional ? "?" : ""}: ${body}${orUndefined}`);
  if (op.query !== "none") list.push(`query${op.query === "optional" ? "?" : ""}: ${name}Query`);
  // A body's call also takes `extraBody`, typed against the body so a field it names cannot bypass its check.
  list.push(op.body === "none" ? "options?: RequestOptions" : `options?: BodyRequestOptions<${body}>`);
  return list;
}

/**
 * The path: a string, or where it holds parameters or a query a function the transport calls, so a bad parameter
 * rejects the call's promise (naming the operation and the parameter) instead of throwing before there is one.
 */
function pathExpression(op: OperationModel, query: string | undefined) {
  if (op.pathParams.length === 0 && !query) return JSON.stringify(op.path);
  let template = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const param = op.pathParams.find((p) => p.name === name);
    const value = param?.fromClient ? `transport.path.${name}` : camel(name);
    return `\${pathParam(${value}, ${op.id}Operation, ${JSON.stringify(name)})}`;
  });
  if (query) template += `\${queryString(${query}, ${op.id}Operation)}`;
  return `() => \`${template}\``;
}

const accessExpression = (segments: string[], root: string) => segments.reduce((at, key) => `${at}?.${key}`, root);
const accessType = (segments: string[], root: string) =>
  segments.reduce((at, key) => `NonNullable<${at}>["${key}"]`, root);

/** The operation's constant: only what it needs, since a flag absent from it costs its calls nothing. */
function operationConstant(op: OperationModel, constants: Map<string, string>) {
  const flag = op.errorFlag && [op.errorFlag.property, op.errorFlag.message].filter((v) => v !== undefined);
  // Marked pure, so a bundle that calls none of this operation drops its constant (and errorFlag with it).
  const extra = [
    op.body === "none" ? "" : `, body: "${op.body}"`,
    op.json ? ", json: true" : "",
    flag ? `, errorFlag: /* @__PURE__ */ errorFlag(${flag.map((v) => JSON.stringify(v)).join(", ")})` : "",
    hintsField(op, constants),
  ].join("");
  return `const ${op.id}Operation: Operation = { id: "${op.id}", method: "${op.method}", idempotent: ${op.idempotent}${extra} };\n\n`;
}

/** The operation's named types: the spec's model where it names one, else read from `operations`. */
function operationTypes(op: OperationModel) {
  const name = pascal(op.id);
  const result = op.resultModel ?? `SuccessBody<operations["${op.id}"]>`;
  let text = `export type ${name}Result = ${result};\n`;
  if (op.body !== "none") {
    text += `export type ${name}Body = ${op.bodyModel ?? `NonNullable<JsonBody<operations["${op.id}"]>>`};\n`;
  }
  if (op.query !== "none") text += `export type ${name}Query = NonNullable<QueryOf<operations["${op.id}"]>>;\n`;
  return text;
}

/**
 * The call of a non-paginated operation: `send(transport, <constant>, <path>, options[, jsonBody, body])`. Only what
 * the operation uses: the query and body code come in through the arguments of `send`.
 */
function sendCall(op: OperationModel) {
  const path = pathExpression(op, op.query === "none" ? undefined : "query");
  return `send(transport, ${op.id}Operation, ${path}, options${op.body === "none" ? "" : ", jsonBody, body"})`;
}

function renderFunction(op: OperationModel, pathOptionsType: string, constants: Map<string, string>) {
  const name = pascal(op.id);
  const signature = `transport: Transport<${pathOptionsType}>, ${parameterList(op).join(", ")}`;
  let text = operationConstant(op, constants) + operationTypes(op);
  if (op.pagination) {
    const { parameter, items, nextOffset } = op.pagination;
    const body = op.body === "none" ? "" : ", jsonBody, body";
    const pageQuery = `${parameter} === undefined ? query : { ...query, ${parameter} }`;
    text += `export type ${name}Item = NonNullable<${accessType(items, `${name}Result`)}>[number];\n\n`;
    text += docComment(op, "");
    text += `export function ${op.id}(${signature}): PagePromise<${resultType(op)}, ${name}Item> {\n`;
    text += `  const page = (${parameter}?: number) =>\n`;
    text += `    send<${name}Result>(transport, ${op.id}Operation, ${pathExpression(op, `(${pageQuery})`)}, options${body});\n`;
    text += `  return paginateByOffset(page(), page, (p) => ${accessExpression(items, "p")}, (p) => ${accessExpression(nextOffset, "p")}, ${op.id}Operation);\n}\n`;
    return text;
  }
  text += `\n${docComment(op, "")}`;
  text += `export function ${op.id}(${signature}): ApiPromise<${resultType(op)}> {\n`;
  text += `  return ${sendCall(op)};\n}\n`;
  return text;
}

function renderBinding(op: OperationModel) {
  const params = parameterList(op);
  const args = params.map((p) => p.slice(0, p.search(/[?:]/)));
  const name = pascal(op.id);
  const result = op.pagination ? `PagePromise<${resultType(op)}, ${name}Item>` : `ApiPromise<${resultType(op)}>`;
  const doc = docComment(op, "    ");
  // A method sends itself rather than calling the standalone function: a client's bundle then carries one function
  // per operation, not two.
  const call = op.pagination ? `${op.id}(transport, ${args.join(", ")})` : sendCall(op);
  return `${doc}    ${op.id}: (${params.join(", ")}): ${result} => ${call},\n`;
}

/** `models`: the component schemas models.ts names, which the operations' types may use. */
export function renderOperations(
  operations: OperationModel[],
  pathOptionsType: string,
  models: readonly string[] = [],
): string {
  const constants = hintConstants(operations);
  let body = "";
  if (constants.size > 0) {
    body += "// What each documented error status means (the spec's response descriptions): an ApiError's `hint`.\n";
    for (const [hint, name] of constants) body += `const ${name} = ${JSON.stringify(hint)};\n`;
    body += "\n";
  }
  body += operations.map((op) => renderFunction(op, pathOptionsType, constants)).join("\n");
  body += `\n/** The client's methods: every operation with the transport bound. */\n`;
  body += `export function bindOperations(transport: Transport<${pathOptionsType}>) {\n  return {\n`;
  body += operations.map(renderBinding).join("");
  body += "  };\n}\n\nexport type Operations = ReturnType<typeof bindOperations>;\n";
  // Comments name types too ("an ApiError's `hint`"): only code decides what is imported.
  const code = body.replace(/\/\*\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  const imports = [
    importLine(code, "@clientele/core/runtime", [...CORE, ...CORE_VALUES]),
    importLine(
      code,
      "./models.js",
      models.map((name) => `type ${name}`),
    ),
    importLine(code, "./schema.js", ["type operations"]),
    importLine(code, "./spec.js", ["type PathOptions"]),
  ];
  return `${imports.join("")}\n${body}`;
}
