// api.md: every method of a package's client, its parameters and its result type, grouped by the spec's tags, in
// the style of Stainless-built SDKs' api.md. Read from the spec by the same model the generated code is.

import {
  deref,
  derefSchema,
  type FoundOperation,
  listOperations,
  type OpenAPI3,
  type OperationObject,
  type SchemaRef,
} from "@clientele/registry/spec-walk";
import type { MediaTypeObject, RequestBodyObject, ResponseObject } from "openapi-typescript";
import { type OperationModel, readOperations } from "./read-operations.ts";
import { camel, typeName, union } from "./type-names.ts";

export { typeName };

/**
 * The top-level fields of a body or query, as `name: Type` with `?` where optional; read-only fields are left out
 * of a request, write-only ones out of a response.
 */
function fields(spec: OpenAPI3, raw: SchemaRef | undefined): string[] {
  const schema = derefSchema(spec, raw);
  const parts = [schema, ...(schema.allOf ?? []).map((s) => derefSchema(spec, s))];
  const required = new Set(parts.flatMap((p) => p.required ?? []));
  return parts.flatMap((part) =>
    Object.entries(part.properties ?? {})
      .filter(([, property]) => !derefSchema(spec, property).readOnly)
      .map(([name, property]) => `${name}${required.has(name) ? "" : "?"}: ${typeName(spec, property)}`),
  );
}

export function renderApiMd(
  spec: OpenAPI3,
  { packageName, variable, factory }: { packageName: string; variable: string; factory: string },
) {
  const models = readOperations(spec);
  const raws = listOperations(spec);
  const byTag = new Map<string, { op: OperationModel; raw: FoundOperation }[]>();
  for (const [index, op] of models.entries()) {
    const raw = raws[index];
    if (!raw) continue;
    const tag = raw.operation.tags?.[0] ?? "Operations";
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
    const types = new Set<string>();
    const methods: string[] = [];
    for (const { op, raw } of entries) {
      const operation = raw.operation;
      const args: string[] = [];
      const details: string[] = [];
      for (const param of op.pathParams.filter((p) => !p.fromClient)) {
        const parameter = raw.parameters.find((p) => p.in === "path" && p.name === param.name);
        args.push(`${camel(param.name)}: ${typeName(spec, parameter?.schema)}`);
      }
      if (operation.requestBody) {
        const body = deref<RequestBodyObject>(spec, operation.requestBody);
        const schema = deref<MediaTypeObject | undefined>(spec, body.content["application/json"])?.schema;
        const name = typeName(spec, schema, types);
        args.push(`body${op.body === "optional" && op.query !== "required" ? "?" : ""}: ${name}`);
        details.push(`body: { ${fields(spec, schema).join("; ")} }`);
      }
      if (op.query !== "none") {
        const query = raw.parameters.filter((p) => p.in === "query");
        const entries = query.map((p) => `${p.name}${p.required ? "" : "?"}: ${typeName(spec, p.schema)}`);
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
function resultType(spec: OpenAPI3, operation: OperationObject) {
  const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2/.test(status));
  const types = success.map(([, response]) => {
    const content = deref<ResponseObject>(spec, response).content ?? {};
    const media = Object.entries(content).find(([type]) => /json/.test(type))?.[1];
    return media ? typeName(spec, media.schema) : "void";
  });
  return union(types.length > 0 ? types : ["void"]);
}

const htmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
