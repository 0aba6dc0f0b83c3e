import {
  deref,
  derefSchema,
  type FoundOperation,
  listOperations,
  type OpenAPI3,
  type OperationObject,
  type ParameterObject,
  type SchemaRef,
} from "@clientele/registry/spec-walk";
import type { ExampleObject, MediaTypeObject, RequestBodyObject, ResponseObject } from "openapi-typescript";
import type { Factory, FactoryOptionType } from "./client-options.ts";
import { type OperationModel, readOperations } from "./read-operations.ts";
import { camel } from "./type-names.ts";

const INDENT = "  ";
const LINE_WIDTH = 72;
const MARKER = "// sample: ";

/**
 * samples.ts: one code sample per operation, calling the package's client with the spec's example inputs. Each
 * sample sits in a function that nothing calls (the file exports nothing and is never imported), so `tsc -p .` checks
 * every sample against the client and running nothing is the cost. The docs portal reads them back with
 * `readSamples` and shows them as `x-codeSamples`.
 */
export function renderSamples(spec: OpenAPI3, { packageName, factory }: { packageName: string; factory: Factory }) {
  const variable = clientVariable(packageName);
  const operations = readOperations(spec);
  const raw = listOperations(spec);
  let text =
    "// Code samples for the docs portal (x-codeSamples), one per operation; compiled by `tsc -p .`, never run.\n";
  text += "// The factory and its options are generated from the spec, like these samples (src/generated/client.ts).\n";
  text += `${importLine(packageName, factory)}\n`;
  operations.forEach((op, index) => {
    const found = raw[index];
    if (!found) throw new Error(`${op.id}: operation not found in the spec`);
    const lines = sampleLines(spec, op, found, variable, factory);
    const body = lines
      .join("\n")
      .split("\n")
      .map((line) => (line ? INDENT + line : line));
    text += `\n${MARKER}${op.id}\nasync function ${op.id}Sample() {\n${body.join("\n")}\n}\n`;
  });
  return text;
}

/** The samples of a generated samples.ts, by operationId, as a reader would write them (import included). */
export function readSamples(text: string): Map<string, string> {
  const imports = text.match(/^import .*$/m)?.[0];
  if (!imports) throw new Error("samples.ts has no import line: run `pnpm generate`");
  const samples = new Map();
  const pattern = new RegExp(`^${MARKER}(\\w+)\\nasync function \\w+\\(\\) \\{\\n([\\s\\S]*?)\\n\\}$`, "gm");
  for (const [, id, body] of text.matchAll(pattern)) {
    const code = (body as string)
      .split("\n")
      .map((line) => (line.startsWith(INDENT) ? line.slice(INDENT.length) : line))
      .join("\n");
    samples.set(id, `${imports}\n\n${code}\n`);
  }
  return samples;
}

const importLine = (packageName: string, factory: Factory) => `import { ${factory.name} } from "${packageName}";`;

/** `@clientele/cubit` → `cubit`: the client reads as the vendor's name. */
function clientVariable(packageName: string) {
  const name = camel(packageName.split("/").pop() ?? "client");
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : "client";
}

function sampleLines(
  spec: OpenAPI3,
  op: OperationModel,
  raw: FoundOperation,
  variable: string,
  factory: Factory,
): string[] {
  const options = Object.fromEntries(factory.required.map((o) => [o.name, optionValue(spec, o)]));
  const args: unknown[] = [];
  for (const param of op.pathParams.filter((p) => !p.fromClient)) {
    const parameter = raw.parameters.find((p) => p.in === "path" && p.name === param.name);
    if (parameter) args.push(parameterExample(spec, parameter, op.id));
  }
  const requestBody = raw.operation.requestBody && deref<RequestBodyObject>(spec, raw.operation.requestBody);
  const media = requestBody && deref<MediaTypeObject | undefined>(spec, requestBody.content["application/json"]);
  if (media) args.push(mediaExample(spec, media, op.id) ?? schemaExample(spec, media.schema, "body"));
  if (op.query !== "none") {
    const query = queryExample(spec, op, raw.parameters);
    if (Object.keys(query).length > 0 || op.query === "required") {
      // An optional body before the query: `undefined` holds its place.
      if (op.body !== "none" && !media) args.push(undefined);
      args.push(query);
    }
  }
  const setup = `const ${variable} = ${factory.name}(${argumentList([options], `const ${variable} = ${factory.name}(`)});`;
  const call = (prefix: string) => {
    const head = `${prefix}${variable}.${op.id}(`;
    return `${head}${argumentList(args, head)})`;
  };
  if (op.pagination) {
    return [
      setup,
      "// Every item, page after page (awaiting the call instead gives the first page).",
      `${call("for await (const item of ")}) {`,
      `${INDENT}console.log(item);`,
      "}",
    ];
  }
  const result = resultName(spec, raw.operation);
  if (!result) return [setup, `${call("await ")};`];
  return [setup, `${call(`const ${result} = await `)};`, `console.log(${result});`];
}

/**
 * Arguments on one line when the call fits, otherwise each object argument laid out over several lines.
 * `prefix`: the text before the call, for the width check
 */
function argumentList(args: unknown[], prefix: string) {
  const inline = args.map((a) => literal(a)).join(", ");
  if (INDENT.length + prefix.length + inline.length + ");".length <= LINE_WIDTH) return inline;
  return args.map((a) => literal(a, "", true)).join(", ");
}

/**
 * A TypeScript literal for a JSON value: bare keys where valid, on one line when it fits.
 * `indent`: the indentation of the line the literal starts on
 * `breakTop`: lay the outermost object or array over several lines even when it would fit
 */
export function literal(value: unknown, indent = "", breakTop = false): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "undefined";
  const isArray = Array.isArray(value);
  const entries: [string, unknown][] = isArray
    ? value.map((item) => ["", item])
    : Object.entries(value).map(([key, item]) => [
        `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: `,
        item,
      ]);
  if (entries.length === 0) return isArray ? "[]" : "{}";
  const [open, close] = isArray ? ["[", "]"] : ["{ ", " }"];
  const flat = `${open}${entries.map(([key, item]) => key + literal(item, indent)).join(", ")}${close}`;
  if (!breakTop && !flat.includes("\n") && INDENT.length + indent.length + flat.length <= LINE_WIDTH) return flat;
  const inner = indent + INDENT;
  const lines = entries.map(([key, item]) => `${inner}${key}${literal(item, inner)},`);
  return `${open.trim()}\n${lines.join("\n")}\n${indent}${close.trim()}`;
}

function optionValue(spec: OpenAPI3, option: { name: string; type: FactoryOptionType }) {
  const { type, name } = option;
  if (type.kind === "literal") return type.values[0];
  if (type.kind === "number") return 1;
  if (type.kind === "boolean") return true;
  // A server variable of the same name (Cube4sales' `account`) has the vendor's own placeholder as its default.
  for (const server of spec.servers ?? []) {
    const variable = server.variables?.[name];
    if (variable && typeof variable.default === "string") return variable.default;
  }
  return `<${name}>`;
}

/**
 * An operation's own named example wins over the first one, so a parameter shared by several operations shows the
 * value the vendor gave for this call.
 * `holder`: a parameter or media type object
 */
function namedExample(
  spec: OpenAPI3,
  holder: ParameterObject | MediaTypeObject,
  operationId: string,
): { value: unknown } | undefined {
  if (holder.example !== undefined) return { value: holder.example };
  const entries = Object.entries(holder.examples ?? {});
  const chosen = entries.find(([key]) => key === operationId) ?? entries[0];
  if (!chosen) return undefined;
  const example = deref<ExampleObject | undefined>(spec, chosen[1]);
  return example && "value" in example ? { value: example.value } : undefined;
}

const mediaExample = (spec: OpenAPI3, media: MediaTypeObject, operationId: string) =>
  namedExample(spec, media, operationId)?.value;

function parameterExample(spec: OpenAPI3, parameter: ParameterObject, operationId: string) {
  const named = namedExample(spec, parameter, operationId);
  return named ? named.value : schemaExample(spec, parameter.schema, parameter.name);
}

/**
 * The query of a sample: every required parameter; when none is required, the first one with an example, so the
 * sample shows how a query is passed without listing every filter. The pagination parameter is the client's job.
 */
function queryExample(spec: OpenAPI3, op: OperationModel, parameters: ParameterObject[]) {
  const query = parameters.filter((p) => p.in === "query" && p.name !== op.pagination?.parameter);
  const required = query.filter((p) => p.required);
  const shown =
    required.length > 0 ? required : query.filter((p) => exampleOf(spec, p, op.id) !== undefined).slice(0, 1);
  return Object.fromEntries(shown.map((p) => [p.name, parameterExample(spec, p, op.id)]));
}

function exampleOf(spec: OpenAPI3, parameter: ParameterObject, operationId: string) {
  const named = namedExample(spec, parameter, operationId);
  if (named) return named.value;
  const schema = derefSchema(spec, parameter.schema);
  return schema.examples?.[0] ?? schema.example;
}

/**
 * A value for a schema: its own example, default, const or first enum value; for objects, the required properties
 * and those with an example; otherwise a placeholder of the right type.
 *
 * `name`: used in string placeholders
 */
export function schemaExample(spec: OpenAPI3, raw: SchemaRef | undefined, name: string, depth = 0): unknown {
  const schema = derefSchema(spec, raw);
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  for (const key of ["example", "default", "const"] as const) if (schema[key] !== undefined) return schema[key];
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const branch = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (branch) return schemaExample(spec, branch, name, depth + 1);
  if (schema.allOf) {
    return Object.assign({}, ...schema.allOf.map((part) => schemaExample(spec, part, name, depth + 1)));
  }
  const declared: string | string[] | undefined = schema.type;
  const types = [declared].flat().filter((t) => t && t !== "null");
  const type = types[0] ?? (schema.properties ? "object" : undefined);
  if (type === "object") {
    if (depth > 6) return {};
    const required = new Set(schema.required ?? []);
    const shown = Object.entries(schema.properties ?? {}).filter(([key, property]) => {
      const resolved = derefSchema(spec, property);
      if (resolved.readOnly) return false;
      return required.has(key) || (resolved.examples?.length ?? 0) > 0 || resolved.example !== undefined;
    });
    return Object.fromEntries(shown.map(([key, property]) => [key, schemaExample(spec, property, key, depth + 1)]));
  }
  if (type === "array") return depth > 6 ? [] : [schemaExample(spec, schema.items, name, depth + 1)];
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  if (type === "string") {
    if (schema.format === "date-time") return "2024-01-01T00:00:00Z";
    if (schema.format === "date") return "2024-01-01";
    return `<${name}>`;
  }
  return `<${name}>`;
}

/**
 * The variable a sample stores a result in, named after the success schema (`Customer` → `customer`); none when
 * the operation documents no success body.
 */
function resultName(spec: OpenAPI3, operation: OperationObject) {
  const success = Object.entries(operation.responses ?? {}).find(([status]) => /^2/.test(status));
  if (!success) return undefined;
  const response = deref<ResponseObject>(spec, success[1]);
  const media = Object.entries(response.content ?? {}).find(([type]) => /json/.test(type))?.[1];
  if (!media?.schema) return undefined;
  const ref = "$ref" in media.schema ? media.schema.$ref : undefined;
  const name = typeof ref === "string" ? ref.split("/").pop() : undefined;
  if (!name || !/^[A-Za-z]\w*$/.test(name)) return "result";
  return name[0]?.toLowerCase() + name.slice(1);
}
