// api.md: every method of a package's client, its parameters and its result type, grouped by the spec's tags, in
// the style of Stainless-built SDKs' api.md. Read from the spec by the same model the generated code is.

import { deref, isForbiddenSchema, listOperations } from "@clientele/registry/spec-walk";
import { readOperations } from "./render-operations.ts";

/**
 * A schema as a reader's TypeScript type: a component's name (models.ts exports one alias per component schema),
 * literals, unions and arrays.
 */
export function typeName(spec: OpenAPI3, schema: any): string {
  if (schema === undefined || schema === true) return "unknown";
  if (isForbiddenSchema(schema)) return "never";
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop() ?? "unknown";
  if (Array.isArray(schema.enum)) return schema.enum.map((v: unknown) => JSON.stringify(v)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches) return union(branches.map((b: any) => typeName(spec, b)));
  if (schema.allOf?.length === 1) return typeName(spec, schema.allOf[0]);
  if (schema.allOf) return "object";
  const types = [schema.type ?? (schema.properties ? "object" : "unknown")].flat();
  return union(
    types.map((type: string) => {
      if (type === "integer") return "number";
      if (type === "array") {
        const item = typeName(spec, schema.items);
        return item.includes(" ") ? `(${item})[]` : `${item}[]`;
      }
      return type;
    }),
  );
}

/** The generated functions' name for a path parameter (`customer_id` → `customerId`). */
const camel = (name: string) => name.replace(/[^A-Za-z0-9]+(.)/g, (_, c) => c.toUpperCase());

const union = (names: string[]) => [...new Set(names)].join(" | ");

/**
 * The top-level fields of a body or query, as `name: Type` with `?` where optional; read-only fields are left out
 * of a request, write-only ones out of a response.
 */
function fields(spec: OpenAPI3, raw: any): string[] {
  const schema = deref(spec, raw ?? {});
  const parts = [schema, ...(schema.allOf ?? []).map((s: any) => deref(spec, s))];
  const required = new Set(parts.flatMap((p) => p.required ?? []));
  return parts.flatMap((part) =>
    Object.entries(part.properties ?? {})
      .filter(([, property]) => !deref(spec, property).readOnly)
      .map(([name, property]) => `${name}${required.has(name) ? "" : "?"}: ${typeName(spec, property)}`),
  );
}

export function renderApiMd(
  spec: OpenAPI3,
  { packageName, variable, factory }: { packageName: string; variable: string; factory: string },
) {
  const models = readOperations(spec);
  const raws = listOperations(spec);
  const byTag = new Map();
  for (const [index, op] of models.entries()) {
    const raw = raws[index];
    const tag = raw?.operation.tags?.[0] ?? "Operations";
    byTag.set(tag, [...(byTag.get(tag) ?? []), { op, raw }]);
  }
  const lines = [
    `# ${packageName} API`,
    "",
    `Every method of \`${factory}(…)\`'s client, from \`${spec.info?.title ?? packageName}\` ${spec.info?.version ?? ""}.`.replace(
      " .",
      ".",
    ),
    `Each is also a standalone function taking a transport first (\`${models[0]?.id ?? "operation"}(transport, …)\`);`,
    "every method takes per-call options (`signal`, `headers`, `timeout`, `maxRetries`) last and returns a promise",
    "of its result with `.withResponse()`. Types are exported by the package.",
  ];
  for (const [tag, entries] of byTag) {
    const types = new Set();
    const methods = [];
    for (const { op, raw } of entries) {
      const operation = raw.operation;
      const args = [];
      const details = [];
      for (const param of op.pathParams.filter((p: any) => !p.fromClient)) {
        const parameter = raw.parameters.find((p: any) => p.in === "path" && p.name === param.name);
        args.push(`${camel(param.name)}: ${typeName(spec, parameter?.schema)}`);
      }
      if (op.body !== "none") {
        const schema = deref(spec, operation.requestBody).content["application/json"].schema;
        const name = typeName(spec, schema);
        if (schema?.$ref) types.add(name);
        args.push(`body${op.body === "optional" ? "?" : ""}: ${name}`);
        details.push(`body: { ${fields(spec, schema).join("; ")} }`);
      } else if (op.query !== "none") {
        const query = raw.parameters.filter((p: any) => p.in === "query");
        const entries = query.map((p: any) => `${p.name}${p.required ? "" : "?"}: ${typeName(spec, p.schema)}`);
        args.push(`query${op.query === "optional" ? "?" : ""}: { ${entries.join("; ")} }`);
      }
      args.push("options?");
      const result = resultType(spec, operation);
      if (/^[A-Z]\w*$/.test(result)) types.add(result);
      const returns = op.pagination
        ? `${result}, and an async iterable of every item, page after page (\`${op.pagination.items.join(".")}\`)`
        : result;
      methods.push(
        `- <code title="${op.method} ${op.path}">${variable}.<a href="./src/generated/operations.ts">${op.id}</a>(${htmlText(args.join(", "))}) -> ${htmlText(returns)}</code>`,
        `  ${op.summary}.${op.experimental ? " **Experimental:** the URL or shape may change." : ""}`,
        ...details.map((d) => `  <br><code>${htmlText(d)}</code>`),
      );
    }
    lines.push("", `## ${tag}`, "");
    if (types.size > 0) {
      lines.push(
        "Types:",
        "",
        ...[...types].map((t) => `- <code><a href="./src/generated/models.ts">${t}</a></code>`),
        "",
      );
    }
    lines.push("Methods:", "", ...methods);
  }
  return `${lines.join("\n")}\n`;
}

/** The type of an operation's 2xx body: `void` where it documents none. */
function resultType(spec: OpenAPI3, operation: any) {
  const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2/.test(status));
  const types = success.map(([, response]) => {
    const media = Object.entries(deref(spec, response).content ?? {}).find(([type]) => /json/.test(type))?.[1];
    return media ? typeName(spec, (media as any).schema) : "void";
  });
  return union(types.length > 0 ? types : ["void"]);
}

const htmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
