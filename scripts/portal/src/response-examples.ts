// Redoc fills a response sample without an example with type placeholders (`"FirstName": "string"`), which read
// like data. For the docs page only, a JSON response without an example gets one composed from values the spec
// states: each property's own example, else the example of the property of that name in a request body of the same
// resource (operations under the same tag: what you upsert is what you retrieve). A property with no stated value
// anywhere is left out of the sample (the schema beside it still lists it); nothing is invented.
import { deref, listOperations } from "@clientele/registry/spec-walk";
import type {
  MediaTypeObject,
  OpenAPI3,
  OperationObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from "openapi-typescript";

const JSON_TYPE = /^application\/(.+\+)?json\b/;

type Raw = SchemaObject | ReferenceObject | undefined;

/**
 * What an example is composed from. openapi-typescript's SchemaObject is a union by `type`, and has no `examples`
 * (OpenAPI 3.1), so a schema is read through this view of the fields that matter here.
 */
interface ExampleSource {
  example?: unknown;
  examples?: unknown[];
  type?: unknown;
  items?: Raw;
  properties?: Record<string, SchemaObject | ReferenceObject>;
  allOf?: (SchemaObject | ReferenceObject)[];
}

const schemaOf = (spec: OpenAPI3, raw: Raw | ExampleSource): ExampleSource =>
  deref<ExampleSource>(spec, (raw ?? {}) as ExampleSource);

/**
 * Adds composed examples to the 2xx JSON responses that have none, in place, to a bundled OpenAPI document (the
 * docs-only copy). Returns the operations whose response got an example.
 */
export function addResponseExamples(spec: OpenAPI3): string[] {
  const operations: { operation: OperationObject }[] = listOperations(spec);
  const changed: string[] = [];
  for (const { operation } of operations) {
    const tag = operation.tags?.[0];
    const written = requestValues(
      spec,
      operations.filter((o) => o.operation.tags?.[0] === tag).map((o) => o.operation),
    );
    for (const [status, raw] of Object.entries(operation.responses ?? {})) {
      if (!/^2/.test(status)) continue;
      const response: ResponseObject = deref(spec, raw);
      for (const [type, media] of Object.entries<MediaTypeObject>(response.content ?? {})) {
        if (!JSON_TYPE.test(type) || !media?.schema || media.example !== undefined || media.examples) continue;
        const example = compose(spec, media.schema, written, 0);
        if (example === undefined) continue;
        media.example = example;
        changed.push(operation.operationId ?? "");
      }
    }
  }
  return [...new Set(changed)];
}

/** The properties of a schema, with those of its `allOf` members. */
function propertiesOf(spec: OpenAPI3, raw: Raw | ExampleSource): Record<string, SchemaObject | ReferenceObject> {
  const schema = schemaOf(spec, raw);
  return Object.assign({}, ...(schema.allOf ?? []).map((s) => propertiesOf(spec, s)), schema.properties);
}

const statedValue = (schema: ExampleSource): unknown =>
  schema.example !== undefined ? schema.example : schema.examples?.[0];

/** The stated example of each top-level request body property of these operations, by property name. */
function requestValues(spec: OpenAPI3, operations: OperationObject[]): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const operation of operations) {
    const body: RequestBodyObject | undefined = operation.requestBody ? deref(spec, operation.requestBody) : undefined;
    for (const media of Object.values<MediaTypeObject>(body?.content ?? {})) {
      for (const [name, raw] of Object.entries(propertiesOf(spec, media.schema))) {
        const value = statedValue(schemaOf(spec, raw));
        if (value !== undefined && !values.has(name)) values.set(name, value);
      }
    }
  }
  return values;
}

/** An example of the schema `raw`; undefined when the spec states no value for anything in it. */
function compose(spec: OpenAPI3, raw: Raw, written: Map<string, unknown>, depth: number): unknown {
  const schema = schemaOf(spec, raw);
  const own = statedValue(schema);
  if (own !== undefined || depth > 8) return own;
  if (schema.type === "array") {
    const item = compose(spec, schema.items, written, depth + 1);
    return item === undefined ? undefined : [item];
  }
  const properties = Object.entries(propertiesOf(spec, schema));
  if (properties.length === 0) return undefined;
  const example: Record<string, unknown> = {};
  for (const [name, property] of properties) {
    const value = compose(spec, property, new Map(), depth + 1) ?? (depth === 0 ? written.get(name) : undefined);
    if (value !== undefined) example[name] = value;
  }
  return Object.keys(example).length > 0 ? example : undefined;
}
