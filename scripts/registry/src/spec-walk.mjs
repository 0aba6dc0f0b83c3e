// @ts-check
/** Reading a parsed OpenAPI document: local `$ref`s, operations in document order. */

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/**
 * Follows local `#/...` references until a concrete node.
 * @param {any} spec
 * @param {any} node
 * @returns {any}
 */
export function deref(spec, node) {
  let current = node;
  for (let depth = 0; current && typeof current.$ref === "string"; depth++) {
    if (depth > 20 || !current.$ref.startsWith("#/")) throw new Error(`cannot follow $ref ${current.$ref}`);
    current = current.$ref
      .slice(2)
      .split("/")
      .map((/** @type {string} */ part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((/** @type {any} */ at, /** @type {string} */ key) => at?.[key], spec);
    if (current === undefined) throw new Error(`dangling $ref ${node.$ref}`);
  }
  return current;
}

/**
 * @param {any} spec
 * @returns {{ path: string, method: string, operation: any, parameters: any[] }[]}
 */
export function listOperations(spec) {
  const found = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = deref(spec, rawItem);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const byKey = new Map();
      for (const raw of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const parameter = deref(spec, raw);
        byKey.set(`${parameter.in}:${parameter.name}`, parameter);
      }
      found.push({ path, method, operation, parameters: [...byKey.values()] });
    }
  }
  return found;
}

/**
 * Every schema property marked `x-sensitive: true`, by name.
 * @param {any} node
 * @param {Set<string>} [names]
 */
export function sensitivePropertyNames(node, names = new Set()) {
  if (Array.isArray(node)) for (const item of node) sensitivePropertyNames(item, names);
  else if (node && typeof node === "object") {
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      if (property && property["x-sensitive"] === true) names.add(name);
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
 * @param {unknown} schema
 */
export function isForbiddenSchema(schema) {
  if (schema === false) return true;
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) return false;
  const { not, ...rest } = /** @type {Record<string, unknown>} */ (schema);
  const emptyNot = not !== null && typeof not === "object" && Object.keys(not).length === 0;
  return emptyNot && Object.keys(rest).every((key) => ANNOTATIONS.has(key) || key.startsWith("x-"));
}
