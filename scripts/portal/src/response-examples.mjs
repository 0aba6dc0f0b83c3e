// @ts-check
// Redoc fills a response sample without an example with type placeholders (`"FirstName": "string"`), which read
// like data. For the docs page only, a JSON response without an example gets one composed from values the spec
// states: each property's own example, else the example of the property of that name in a request body of the same
// resource (operations under the same tag: what you upsert is what you retrieve). A property with no stated value
// anywhere is left out of the sample (the schema beside it still lists it); nothing is invented.
import { deref, listOperations } from "@clientele/registry/spec-walk";

const JSON_TYPE = /^application\/(.+\+)?json\b/;

/**
 * Adds composed examples to the 2xx JSON responses that have none, in place.
 * @param {any} spec a bundled OpenAPI document (the docs-only copy)
 * @returns {string[]} the operations whose response got an example
 */
export function addResponseExamples(spec) {
  const operations = listOperations(spec);
  const changed = [];
  for (const { operation } of operations) {
    const tag = operation.tags?.[0];
    const written = requestValues(
      spec,
      operations.filter((o) => o.operation.tags?.[0] === tag).map((o) => o.operation),
    );
    for (const [status, raw] of Object.entries(operation.responses ?? {})) {
      if (!/^2/.test(status)) continue;
      for (const [type, media] of Object.entries(deref(spec, raw).content ?? {})) {
        if (!JSON_TYPE.test(type) || !media?.schema || media.example !== undefined || media.examples) continue;
        const example = compose(spec, media.schema, written, 0);
        if (example === undefined) continue;
        media.example = example;
        changed.push(operation.operationId);
      }
    }
  }
  return [...new Set(changed)];
}

/**
 * The properties of a schema, with those of its `allOf` members.
 * @param {any} spec
 * @param {any} raw
 * @returns {Record<string, any>}
 */
function propertiesOf(spec, raw) {
  const schema = deref(spec, raw ?? {});
  return Object.assign(
    {},
    ...(schema.allOf ?? []).map((/** @type {any} */ s) => propertiesOf(spec, s)),
    schema.properties,
  );
}

/** @param {any} schema */
const statedValue = (schema) => (schema.example !== undefined ? schema.example : schema.examples?.[0]);

/**
 * The stated example of each top-level request body property of these operations, by property name.
 * @param {any} spec
 * @param {any[]} operations
 */
function requestValues(spec, operations) {
  /** @type {Map<string, unknown>} */
  const values = new Map();
  for (const operation of operations) {
    const body = operation.requestBody ? deref(spec, operation.requestBody) : undefined;
    for (const media of Object.values(body?.content ?? {})) {
      for (const [name, raw] of Object.entries(propertiesOf(spec, /** @type {any} */ (media).schema))) {
        const value = statedValue(deref(spec, raw));
        if (value !== undefined && !values.has(name)) values.set(name, value);
      }
    }
  }
  return values;
}

/**
 * @param {any} spec
 * @param {any} raw
 * @param {Map<string, unknown>} written
 * @param {number} depth
 * @returns {unknown} undefined when the spec states no value for anything in it
 */
function compose(spec, raw, written, depth) {
  const schema = deref(spec, raw ?? {});
  const own = statedValue(schema);
  if (own !== undefined || depth > 8) return own;
  if (schema.type === "array") {
    const item = compose(spec, schema.items, written, depth + 1);
    return item === undefined ? undefined : [item];
  }
  const properties = Object.entries(propertiesOf(spec, schema));
  if (properties.length === 0) return undefined;
  /** @type {Record<string, unknown>} */
  const example = {};
  for (const [name, property] of properties) {
    const value = compose(spec, property, new Map(), depth + 1) ?? (depth === 0 ? written.get(name) : undefined);
    if (value !== undefined) example[name] = value;
  }
  return Object.keys(example).length > 0 ? example : undefined;
}
