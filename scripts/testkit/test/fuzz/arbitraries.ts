import { deref, isForbiddenSchema } from "@clientele/registry/spec-walk";
import fc from "fast-check";

/**
 * JSON Schema (OpenAPI 3.1) → fast-check arbitrary of values the schema accepts, for request inputs.
 *
 * It covers the keywords the specs use and a little more; any other validation keyword throws, so a spec change
 * can never make it quietly generate values the schema rejects (or miss values it accepts).
 */

type Schema = boolean | Record<string, any>;

/** Keywords that describe a value without constraining it. */
const ANNOTATIONS = new Set([
  "$comment",
  "default",
  "deprecated",
  "description",
  "example",
  "examples",
  "externalDocs",
  "readOnly",
  "title",
  "writeOnly",
]);

const HANDLED = new Set([
  "$ref",
  "additionalProperties",
  "const",
  "enum",
  "exclusiveMaximum",
  "exclusiveMinimum",
  "format",
  "items",
  "maxItems",
  "maxLength",
  "maximum",
  "minItems",
  "minLength",
  "minimum",
  "pattern",
  "properties",
  "required",
  "type",
]);

export class UnsupportedSchemaError extends Error {
  override name = "UnsupportedSchemaError";
}

function checkKeywords(schema: Record<string, unknown>, where: string): void {
  for (const keyword of Object.keys(schema)) {
    if (!HANDLED.has(keyword) && !ANNOTATIONS.has(keyword) && !keyword.startsWith("x-")) {
      throw new UnsupportedSchemaError(`${where}: keyword "${keyword}" is not supported by the arbitrary deriver`);
    }
  }
}

/** Strings over all of Unicode (well-formed: a lone surrogate cannot be sent as UTF-8) and over plain ASCII. */
function anyString(minLength = 0, maxLength?: number): fc.Arbitrary<string> {
  const limits = maxLength === undefined ? { minLength } : { minLength, maxLength };
  return fc.oneof(fc.string(limits), fc.string({ ...limits, unit: "grapheme" }));
}

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  email: () => fc.emailAddress(),
  date: () =>
    fc
      .date({ noInvalidDate: true, min: new Date(0), max: new Date(253402300799999) })
      .map((d) => d.toISOString().slice(0, 10)),
  "date-time": () =>
    fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(253402300799999) }).map((d) => d.toISOString()),
  uri: () => fc.webUrl(),
};

function stringArbitrary(schema: Record<string, any>, where: string): fc.Arbitrary<string> {
  const { minLength = 0, maxLength, pattern, format } = schema;
  const fits = (s: string) => [...s].length >= minLength && (maxLength === undefined || [...s].length <= maxLength);
  if (pattern !== undefined) {
    if (format !== undefined) throw new UnsupportedSchemaError(`${where}: pattern together with format`);
    // OpenAPI patterns are unanchored ECMA-262 regular expressions, as Prism (ajv) reads them.
    return fc.stringMatching(new RegExp(pattern, "u")).filter(fits);
  }
  if (format !== undefined) {
    const make = FORMATS[format];
    if (!make) throw new UnsupportedSchemaError(`${where}: format "${format}" is not supported`);
    return make().filter(fits);
  }
  // JSON Schema counts code points; a grapheme can hold several, so the limits are checked again.
  return anyString(minLength, maxLength).filter(fits);
}

function numberArbitrary(schema: Record<string, any>, integer: boolean): fc.Arbitrary<number> {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  if (integer) {
    const min = Math.max(
      minimum ?? -(2 ** 31),
      exclusiveMinimum === undefined ? -Infinity : Math.floor(exclusiveMinimum) + 1,
    );
    const max = Math.min(
      maximum ?? 2 ** 31 - 1,
      exclusiveMaximum === undefined ? Infinity : Math.ceil(exclusiveMaximum) - 1,
    );
    return fc.integer({ min, max });
  }
  return fc
    .double({ noNaN: true, noDefaultInfinity: true, min: minimum, max: maximum })
    .filter(
      (n) =>
        (exclusiveMinimum === undefined || n > exclusiveMinimum) &&
        (exclusiveMaximum === undefined || n < exclusiveMaximum),
    );
}

/**
 * An object schema built from `allOf` members (Cube4sales' bodies: their own rules for the ids, plus the record's
 * standard fields), as the one object schema it means. Only what merges without changing meaning is accepted:
 * object members whose properties do not overlap, none closed (a closed member would refuse the others' properties).
 */
export function flattenAllOf(spec: any, schema: Record<string, any>, where: string): Record<string, any> {
  if (schema.allOf === undefined) return schema;
  const { allOf, ...own } = schema;
  const properties: Record<string, Schema> = { ...own.properties };
  const required: string[] = [...(own.required ?? [])];
  if (own.additionalProperties !== undefined && own.additionalProperties !== true)
    throw new UnsupportedSchemaError(`${where}: additionalProperties beside allOf`);
  for (const [index, raw] of (allOf as Schema[]).entries()) {
    const at = `${where}.allOf[${index}]`;
    const member = flattenAllOf(spec, deref<any>(spec, raw), at);
    checkKeywords(member, at);
    if (member.type !== undefined && member.type !== "object")
      throw new UnsupportedSchemaError(`${at}: a member that is not an object`);
    if (member.additionalProperties !== undefined && member.additionalProperties !== true)
      throw new UnsupportedSchemaError(`${at}: a closed member`);
    for (const [name, property] of Object.entries<Schema>(member.properties ?? {})) {
      if (name in properties) throw new UnsupportedSchemaError(`${at}: property "${name}" is declared twice`);
      properties[name] = property;
    }
    required.push(...(member.required ?? []));
  }
  return { ...own, type: own.type ?? "object", properties, required };
}

/** Property names a schema declares, split by what a request may do with them. */
export function declaredProperties(spec: any, schema: Record<string, any>) {
  const sendable: [string, Schema][] = [];
  const forbidden: string[] = [];
  for (const [name, raw] of Object.entries<Schema>(schema.properties ?? {})) {
    const property = typeof raw === "object" ? deref<any>(spec, raw) : raw;
    if (isForbiddenSchema(property)) forbidden.push(name);
    // A read-only property belongs to responses: a request should not carry it.
    else if (property === true || property.readOnly !== true) sendable.push([name, property]);
  }
  return { sendable, forbidden };
}

function objectArbitrary(spec: any, schema: Record<string, any>, where: string, depth: number) {
  const { sendable, forbidden } = declaredProperties(spec, schema);
  const required = new Set<string>(schema.required ?? []);
  for (const name of required) {
    if (!sendable.some(([n]) => n === name))
      throw new UnsupportedSchemaError(`${where}: required "${name}" is not sendable`);
  }
  const shape = Object.fromEntries(
    sendable.map(([name, property]) => [name, arbitraryFor(spec, property, `${where}.${name}`, depth + 1)]),
  );
  const declared = fc.record(shape, { requiredKeys: [...required] });
  const extra = schema.additionalProperties ?? true;
  if (extra === false) return declared;
  // Open objects (the default in JSON Schema) accept any other property: send some, never a declared name.
  const taken = new Set([...sendable.map(([n]) => n), ...forbidden]);
  const value = extra === true ? fc.jsonValue({ maxDepth: 2 }) : arbitraryFor(spec, extra, `${where}[*]`, depth + 1);
  const others = fc.dictionary(
    anyString().filter((k) => !taken.has(k)),
    value,
    { maxKeys: 3 },
  );
  return fc.tuple(declared, others).map(([known, more]) => ({ ...more, ...known }));
}

export function arbitraryFor(spec: any, raw: Schema, where = "schema", depth = 0): fc.Arbitrary<unknown> {
  if (depth > 20) throw new UnsupportedSchemaError(`${where}: nested deeper than 20 levels (a recursive schema?)`);
  if (raw === true) return fc.jsonValue({ maxDepth: 2 });
  if (isForbiddenSchema(raw)) throw new UnsupportedSchemaError(`${where}: the schema accepts no value`);
  const resolved = deref(spec, raw);
  if (typeof resolved !== "object" || resolved === null) return arbitraryFor(spec, resolved, where, depth);
  const schema = flattenAllOf(spec, resolved, where);
  checkKeywords(schema, where);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined) return fc.constantFrom(...(schema.enum as unknown[]));
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0)
    throw new UnsupportedSchemaError(`${where}: no type (only const, enum or type are supported)`);
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case "string":
          return stringArbitrary(schema, where);
        case "integer":
          return numberArbitrary(schema, true);
        case "number":
          return numberArbitrary(schema, false);
        case "boolean":
          return fc.boolean();
        case "null":
          return fc.constant(null);
        case "array":
          return fc.array(arbitraryFor(spec, schema.items ?? true, `${where}[]`, depth + 1), {
            minLength: schema.minItems ?? 0,
            maxLength: schema.maxItems ?? Math.max(3, schema.minItems ?? 0),
          });
        case "object":
          return objectArbitrary(spec, schema, where, depth);
        default:
          throw new UnsupportedSchemaError(`${where}: type "${type}" is unknown`);
      }
    }),
  );
}
