// A schema as a reader's TypeScript type, the way openapi-typescript types it, but naming what the spec names: a
// component schema by its name (models.ts exports one alias per component schema), literals, unions and arrays.
import { isForbiddenSchema, type OpenAPI3, type Schema, type SchemaRef } from "@clientele/registry/spec-walk";

/** `refs` collects the component schemas the type names, for the file's imports. */
export function typeName(spec: OpenAPI3, schema: SchemaRef | undefined, refs?: Set<string>): string {
  if (schema === undefined || schema === true) return "unknown";
  if (isForbiddenSchema(schema)) return "never";
  if (schema === false) return "never";
  if ("$ref" in schema && typeof schema.$ref === "string") {
    const name = schema.$ref.split("/").pop() ?? "unknown";
    refs?.add(name);
    return name;
  }
  const node = schema as Schema;
  if (Array.isArray(node.enum)) return node.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (node.const !== undefined) return JSON.stringify(node.const);
  const branches = node.oneOf ?? node.anyOf;
  if (branches) return union(branches.map((b) => typeName(spec, b, refs)));
  if (node.allOf?.length === 1) return typeName(spec, node.allOf[0], refs);
  if (node.allOf) return "object";
  // openapi-typescript's types say every schema has a `type`; a spec's may not.
  const declared: string | string[] | undefined = node.type;
  const types = [declared ?? (node.properties ? "object" : "unknown")].flat();
  return union(
    types.map((type) => {
      if (type === "integer") return "number";
      if (type === "array") {
        const item = typeName(spec, node.items, refs);
        return item.includes(" ") ? `(${item})[]` : `${item}[]`;
      }
      return type;
    }),
  );
}

export const union = (names: string[]): string => [...new Set(names)].join(" | ");

/** The generated functions' name for a path parameter (`customer_id` → `customerId`). */
export const camel = (name: string): string => name.replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase());

/** `getCustomer` → `GetCustomer`. */
export const pascal = (id: string): string => (id[0]?.toUpperCase() ?? "") + id.slice(1);
