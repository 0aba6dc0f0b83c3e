/** Reading a parsed OpenAPI document: local `$ref`s, operations in document order. */
import type {
  OpenAPI3,
  OperationObject,
  ParameterObject,
  PathItemObject,
  ReferenceObject,
  SchemaObject,
} from "openapi-typescript";

export type { OpenAPI3, OperationObject, ParameterObject, ReferenceObject };

/**
 * A schema as a walker reads it: openapi-typescript splits the keywords by `type` (`properties` only on objects,
 * `items` only on arrays) and leaves out some JSON Schema ones (`not`, `pattern`); a walker reads them all.
 */
export type Schema = SchemaObject & {
  properties?: Record<string, SchemaRef>;
  additionalProperties?: boolean | SchemaRef;
  items?: SchemaRef;
  prefixItems?: SchemaRef[];
  not?: SchemaRef;
  pattern?: string;
  examples?: unknown[];
};

/** A schema where one may stand: written out, referenced, or `true`/`false` (JSON Schema's any / nothing). */
export type SchemaRef = Schema | SchemaObject | ReferenceObject | boolean;

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;
export const HTTP_METHODS: readonly string[] = METHODS;

const isReference = (node: unknown): node is ReferenceObject =>
  !!node && typeof node === "object" && typeof (node as { $ref?: unknown }).$ref === "string";

/**
 * Follows local `#/...` references until a concrete node. The type says what the spec holds at the end of the chain
 * (an OpenAPI document that does not is invalid: `redocly lint` runs before the generator).
 */
export function deref<T>(spec: OpenAPI3, node: T | ReferenceObject): T {
  let current: unknown = node;
  for (let depth = 0; isReference(current); depth++) {
    const ref = current.$ref;
    if (depth > 20 || !ref.startsWith("#/")) throw new Error(`cannot follow $ref ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>(
        (at, key) => (at && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined),
        spec,
      );
    if (current === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return current as T;
}

/** A schema, followed through its references; `true` (and an absent schema) is the empty schema. */
export function derefSchema(spec: OpenAPI3, node: SchemaRef | undefined): Schema {
  const schema = deref<SchemaRef | undefined>(spec, node);
  if (schema === undefined || schema === true) return {} as Schema;
  if (schema === false) return { not: {} } as Schema;
  return schema as Schema;
}

export interface FoundOperation {
  path: string;
  method: (typeof METHODS)[number];
  operation: OperationObject & { operationId: string };
  /** the path item's and the operation's, the operation's winning */
  parameters: ParameterObject[];
}

export function listOperations(spec: OpenAPI3): FoundOperation[] {
  const found: FoundOperation[] = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = deref<PathItemObject>(spec, rawItem);
    for (const method of METHODS) {
      const raw = item[method];
      if (!raw) continue;
      const operation = deref<OperationObject>(spec, raw);
      const { operationId } = operation;
      if (typeof operationId !== "string") throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const byKey = new Map<string, ParameterObject>();
      for (const rawParameter of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const parameter = deref<ParameterObject>(spec, rawParameter);
        byKey.set(`${parameter.in}:${parameter.name}`, parameter);
      }
      // The spec's own object, not a copy: callers annotate it (the portal adds each operation's x-codeSamples).
      found.push({
        path,
        method,
        operation: operation as OperationObject & { operationId: string },
        parameters: [...byKey.values()],
      });
    }
  }
  return found;
}

/** Every schema property marked `x-sensitive: true`, by name. */
export function sensitivePropertyNames(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) sensitivePropertyNames(item, names);
  else if (node && typeof node === "object") {
    const { properties } = node as { properties?: unknown };
    for (const [name, property] of Object.entries(properties && typeof properties === "object" ? properties : {})) {
      if (property && (property as Record<string, unknown>)["x-sensitive"] === true) names.add(name);
    }
    for (const value of Object.values(node)) sensitivePropertyNames(value, names);
  }
  return names;
}

/** Keywords that only annotate a schema: beside `not: {}` they leave it accepting nothing. */
const ANNOTATIONS = new Set(["description", "title", "deprecated", "readOnly", "writeOnly", "x-inferred"]);

/**
 * A schema that accepts no value, written `not: {}`: how the specs forbid a property. Every mainstream tool reads
 * it, where some crash on the equivalent `false` schema (tests/portability); `false` is still understood.
 */
export function isForbiddenSchema(schema: unknown): boolean {
  if (schema === false) return true;
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) return false;
  const { not, ...rest } = schema as Record<string, unknown>;
  const emptyNot = not !== null && typeof not === "object" && Object.keys(not).length === 0;
  return emptyNot && Object.keys(rest).every((key) => ANNOTATIONS.has(key) || key.startsWith("x-"));
}
