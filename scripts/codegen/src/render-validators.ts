/**
 * validators.ts: a plain TypeScript checker per response schema, for the `/validate` entry. Each check reports to
 * core's `Drift` collector with the provenance of the nearest `x-inferred` element, so a report can say why the spec
 * believed otherwise. Semantics are drift-finding, not JSON Schema's: an object is closed unless its spec promises
 * more fields (`additionalProperties`), since a field the document never mentions is news worth reporting.
 */
import {
  deref,
  derefSchema,
  isForbiddenSchema,
  listOperations,
  type OpenAPI3,
  type Schema,
  type SchemaRef,
} from "@clientele/registry/spec-walk";
import type { HeaderObject, ResponseObject } from "openapi-typescript";

const literal = (value: unknown) => JSON.stringify(value);

/** Keywords that say nothing a response could break. */
const ANNOTATIONS = new Set(["description", "title", "examples", "example", "readOnly", "deprecated", "$comment"]);
const CHECKED = new Set(["type", "properties", "required", "additionalProperties", "items", "pattern", "format"]);
const ALSO = new Set(["enum", "allOf", "not", "writeOnly", "$ref"]);

/** The text that explains an `x-inferred` element: `x-provenance` where given, else its description. */
export function provenanceOf(node: unknown): string | undefined {
  const element = (node && typeof node === "object" ? node : {}) as Record<string, unknown>;
  if (element["x-inferred"] !== true) return undefined;
  const text = element["x-provenance"] ?? element.description ?? "marked x-inferred; the spec gives no reason";
  return String(text).replace(/\s+/g, " ").trim();
}

export function renderValidators(spec: OpenAPI3, { exportName }: { exportName: string }) {
  const texts: Map<string, string> = new Map();
  /** Returns $ref → function name */
  const functions: Map<string, string> = new Map();
  const functionCode: string[] = [];
  let counter = 0;

  /** A provenance constant's name, or "undefined". */
  const why = (node: unknown, inherited: string) => {
    const text = provenanceOf(node);
    if (!text) return inherited;
    if (!texts.has(text)) texts.set(text, `P${texts.size}`);
    return texts.get(text) ?? inherited;
  };

  const named = (ref: string) => {
    const existing = functions.get(ref);
    if (existing) return existing;
    const name = `check${ref.split("/").pop()?.replace(/\W/g, "_")}`;
    functions.set(ref, name);
    const schema = deref<SchemaRef>(spec, { $ref: ref });
    const body = compile(schema, "v", "at", "up", ref, true);
    // `part`: called for an `allOf` member, whose whole object decides which properties are known.
    functionCode.push(
      `function ${name}(v: unknown, at: string, r: Drift, up?: string, part?: boolean): void {\n${body}\n}\n`,
    );
    return name;
  };

  /**
   * Statements checking the value of expression `v` at pointer expression `at`.
   * `up`: the inherited provenance expression
   * `where`: for error messages
   * `isNamed`: the body of a named function, which may be called as an `allOf` member
   */
  function compile(raw: SchemaRef, v: string, at: string, up: string, where: string, isNamed = false): string {
    if (raw === true || (raw && Object.keys(raw).every((k) => ANNOTATIONS.has(k) || k.startsWith("x-")))) return "";
    const w = why(raw, up);
    if (typeof raw === "object" && "$ref" in raw && typeof raw.$ref === "string")
      return `${named(raw.$ref)}(${v}, ${at}, r, ${w});`;
    if (isForbiddenSchema(raw)) return `r.forbidden(${v}, ${at}, "nothing: the spec forbids this property", ${w});`;
    const schema = raw as Schema;
    for (const key of Object.keys(schema)) {
      if (!ANNOTATIONS.has(key) && !CHECKED.has(key) && !ALSO.has(key) && !key.startsWith("x-"))
        throw new Error(`validators: keyword "${key}" at ${where} is not supported; teach render-validators.ts`);
    }
    if (schema.writeOnly === true)
      return `r.forbidden(${v}, ${at}, "nothing: the property is write-only, a response never carries it", ${w});`;
    if (schema.format !== undefined && schema.format !== "date")
      throw new Error(`validators: format "${schema.format}" at ${where} is not supported`);
    const inner: string[] = [];
    if (schema.pattern) inner.push(`r.pattern(${v}, ${at}, /${schema.pattern.replace(/\//g, "\\/")}/, ${w});`);
    if (schema.format === "date") inner.push(`r.date(${v}, ${at}, ${w});`);
    if (schema.enum) inner.push(`r.oneOf(${v}, ${at}, ${literal(schema.enum)}, ${w});`);
    if (schema.items) {
      const i = `i${counter++}`;
      const body = compile(schema.items, `${v}[${i}]`, `\`\${${at}}/\${${i}}\``, w, `${where}/items`);
      if (body) inner.push(`if (Array.isArray(${v})) for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {\n${body}\n}`);
    }
    const objectCode = compileObject(schema, v, at, w, where, isNamed);
    if (objectCode) inner.push(objectCode);
    const declared: string | string[] | undefined = schema.type;
    const types = declared === undefined ? undefined : [declared].flat().join("|");
    if (!types) return inner.join("\n");
    if (inner.length === 0) return `r.type(${v}, ${at}, ${literal(types)}, ${w});`;
    return `if (r.type(${v}, ${at}, ${literal(types)}, ${w})) {\n${inner.join("\n")}\n}`;
  }

  /** Object keywords, `allOf` members' included: properties checked per member, one closedness check for all. */
  function compileObject(schema: Schema, v: string, at: string, w: string, where: string, isNamed: boolean) {
    const parts: { node: Schema; w: string; ref?: string }[] = [{ node: schema, w }];
    for (const [index, member] of (schema.allOf ?? []).entries()) {
      const node = derefSchema(spec, member);
      if (node.allOf || node.items)
        throw new Error(`validators: nested allOf at ${where}/allOf/${index} is not supported`);
      parts.push({ node, w: why(node, w), ref: "$ref" in member ? member.$ref : undefined });
    }
    if (!parts.some(({ node }) => node.properties || node.required || node.additionalProperties !== undefined))
      return "";
    const o = `o${counter++}`;
    const lines = [`const ${o} = ${v} as Record<string, unknown>;`];
    const known: Set<string> = new Set();
    let open = false;
    for (const { node, w: partWhy, ref } of parts) {
      // A referenced member checks its own properties (one function, however many schemas build on it).
      if (ref) lines.push(`${named(ref)}(${v}, ${at}, r, ${w}, true);`);
      if (ref) for (const name of Object.keys(node.properties ?? {})) known.add(name);
      if (node.required?.length && !ref) lines.push(`r.required(${o}, ${at}, ${literal(node.required)}, ${partWhy});`);
      for (const [name, property] of ref ? [] : Object.entries(node.properties ?? {})) {
        known.add(name);
        const pointer = `${at} + ${literal(`/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`)}`;
        const body = compile(property, `${o}[${literal(name)}]`, pointer, partWhy, `${where}/properties/${name}`);
        if (body) lines.push(`if (${o}[${literal(name)}] !== undefined) {\n${body}\n}`);
      }
      if (
        node.additionalProperties === true ||
        (node.additionalProperties && typeof node.additionalProperties === "object")
      )
        open = true;
      if (
        node.additionalProperties &&
        typeof node.additionalProperties === "object" &&
        Object.keys(node.additionalProperties).length > 0
      )
        throw new Error(`validators: a schema for additionalProperties at ${where} is not supported`);
    }
    if (!open) lines.push(`${isNamed ? "if (!part) " : ""}r.closed(${o}, ${at}, ${literal([...known])}, ${w});`);
    if (lines.length === 1) return "";
    return `if (${v} !== null && typeof ${v} === "object" && !Array.isArray(${v})) {\n${lines.join("\n")}\n}`;
  }

  /** Returns the same documented headers on many responses, spelt once */
  const headerLists: Map<string, string> = new Map();
  const operations: string[] = [];
  for (const { operation } of listOperations(spec)) {
    const responses: string[] = [];
    for (const [status, raw] of Object.entries(operation.responses ?? {})) {
      const response = deref<ResponseObject>(spec, raw);
      const fields: string[] = [];
      const [mediaType, media] =
        Object.entries(response.content ?? {}).find(([type]) => /[/+]json(;|$)/.test(type)) ?? [];
      const responseWhy = why(media, why(response, "undefined"));
      if (media?.schema) {
        const body = compile(media.schema, "v", "at", "up", `${operation.operationId} ${status} ${mediaType}`);
        if (body) fields.push(`body: (v, at, r, up) => {\n${body}\n}`);
      } else if (!response.content) fields.push("empty: true");
      const headers = Object.entries(response.headers ?? {}).map(([name, rawHeader]) => {
        const header = deref<HeaderObject>(spec, rawHeader);
        const declared: string | string[] | undefined = derefSchema(spec, header.schema).type;
        const type = declared ?? "string";
        const headerWhy = why(header, "undefined");
        return `[${literal(name.toLowerCase())}, ${literal(type)}${headerWhy === "undefined" ? "" : `, ${headerWhy}`}]`;
      });
      if (headers.length > 0) {
        const list = `[${headers.join(", ")}]`;
        if (!headerLists.has(list)) headerLists.set(list, `H${headerLists.size}`);
        fields.push(`headers: ${headerLists.get(list)}`);
      }
      if (responseWhy !== "undefined") fields.push(`why: ${responseWhy}`);
      responses.push(`${literal(status)}: { ${fields.join(", ")} }`);
    }
    operations.push(`${operation.operationId}: {\n${responses.join(",\n")}\n}`);
  }
  const constants = [...texts].map(([text, name]) => `const ${name} = ${literal(text)};`);
  const lists = [...headerLists].map(([list, name]) => `const ${name} = ${list} as const;`);
  return indent(
    `import { type Drift, defineValidators, type Validators } from "@clientele/core/runtime";\n\n` +
      `// Why the spec believed what it did: the provenance of its x-inferred elements.\n${constants.join("\n")}\n\n` +
      `${lists.join("\n")}\n\n${functionCode.join("\n")}\n` +
      `/** The response checkers of ${spec.info.title}, for a client's \`validators\` option. */\n` +
      `export const ${exportName}: Validators = defineValidators(${literal(spec.info.title)}, {\n${operations.join(",\n")}\n});\n`,
  );
}

/** Two spaces per open brace or bracket, so the output reads like written code. */
function indent(code: string) {
  let depth = 0;
  return code
    .split("\n")
    .map((line) => {
      const closing = /^[}\])]/.test(line) ? 1 : 0;
      const out = line && "  ".repeat(Math.max(0, depth - closing)) + line;
      const code = line.replace(/"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "");
      depth += (code.match(/[{[(]/g)?.length ?? 0) - (code.match(/[}\])]/g)?.length ?? 0);
      return out;
    })
    .join("\n");
}
