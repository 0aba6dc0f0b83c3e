import { deref } from "@clientele/registry/spec-walk";
import fc from "fast-check";
import { declaredProperties, flattenAllOf } from "./arbitraries.js";
import { type CallInput, type FuzzOperation, validInput } from "./operations.js";

/**
 * Inputs an operation's spec rejects, each made by breaking one thing in a valid input. `typeError` says the
 * TypeScript signature rejects it too (checked in invalid-inputs.check.ts); `onWire` says the request still shows
 * the fault once serialized (a number in a string-typed query parameter arrives as a valid string), so Prism can
 * flag it.
 */
export interface Mutation {
  /** e.g. `missing body.extCustomerId`, `wrong type query.assignment_id`. */
  label: string;
  typeError: boolean;
  onWire: boolean;
  input: fc.Arbitrary<CallInput>;
}

type Kind = "string" | "integer" | "fraction" | "boolean" | "null" | "array" | "object";

/** Values of each JSON kind; strings never read as numbers or as another route's literal segment. */
const KINDS: Record<Kind, fc.Arbitrary<unknown>> = {
  string: fc.string().map((s) => `not-a-number ${s}`),
  integer: fc.integer(),
  fraction: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  object: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
};

/** The kinds a schema's `type` accepts. */
function accepted(schema: any): Set<Kind> | undefined {
  if (typeof schema !== "object" || schema.type === undefined) return undefined;
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  const kinds = new Set<Kind>();
  for (const type of types) {
    if (type === "number") kinds.add("integer").add("fraction");
    else kinds.add(type as Kind);
  }
  return kinds;
}

/**
 * A value of a kind the schema does not accept. Its TypeScript type is wrong too, except a fraction for an
 * integer (both are `number`). On the wire, query and path values are text: only a kind whose text cannot pass
 * for the accepted type is still wrong there.
 */
function wrongKinds(schema: any, inText: boolean): { kind: Kind; typeError: boolean; onWire: boolean }[] {
  const ok = accepted(schema);
  if (!ok) return [];
  return (Object.keys(KINDS) as Kind[])
    .filter((kind) => !ok.has(kind))
    .filter((kind) => !inText || kind === "string" || kind === "fraction")
    .map((kind) => ({
      kind,
      typeError: !(kind === "fraction" && ok.has("integer")),
      onWire: !inText || !ok.has("string"),
    }));
}

const withValue = (target: Record<string, unknown> | undefined, key: string, value: unknown) => ({
  ...target,
  [key]: value,
});
const without = (target: Record<string, unknown> | undefined, key: string) => {
  const copy = { ...target };
  delete copy[key];
  return copy;
};

/** Applies `change` to the object at `path` inside a body, copying along the way. */
function atPath(
  body: unknown,
  path: string[],
  change: (at: Record<string, unknown>) => Record<string, unknown>,
): unknown {
  const [head, ...rest] = path;
  const object = body as Record<string, unknown>;
  if (head === undefined) return change(object);
  return { ...object, [head]: atPath(object[head], rest, change) };
}

/** Breaks one property of a body object (recursing into required object properties, which are always present). */
function bodyMutations(
  spec: any,
  op: FuzzOperation,
  valid: fc.Arbitrary<CallInput>,
  raw: any,
  path: string[],
): Mutation[] {
  const resolved = deref(spec, raw);
  if (typeof resolved !== "object" || !(accepted(resolved)?.has("object") ?? false)) return [];
  const where = ["body", ...path].join(".");
  const schema = flattenAllOf(spec, resolved, where);
  const found: Mutation[] = [];
  const required = new Set<string>(schema.required ?? []);
  const { sendable, forbidden } = declaredProperties(spec, schema);
  const mutate = (
    label: string,
    typeError: boolean,
    onWire: boolean,
    change: (at: Record<string, unknown>) => fc.Arbitrary<Record<string, unknown>>,
  ) =>
    found.push({
      label,
      typeError,
      onWire,
      input: valid.chain((input) => {
        let changed: fc.Arbitrary<Record<string, unknown>> | undefined;
        atPath(input.body, path, (at) => {
          changed = change(at);
          return at;
        });
        return (changed as fc.Arbitrary<Record<string, unknown>>).map((next) => ({
          ...input,
          body: atPath(input.body, path, () => next),
        }));
      }),
    });
  for (const name of required) mutate(`missing ${where}.${name}`, true, true, (at) => fc.constant(without(at, name)));
  for (const name of forbidden) {
    mutate(`forbidden ${where}.${name}`, true, true, (at) =>
      fc.jsonValue({ maxDepth: 1 }).map((v) => withValue(at, name, v)),
    );
  }
  for (const [name, property] of sendable) {
    const resolved = deref(spec, property);
    for (const { kind, typeError, onWire } of wrongKinds(resolved, false)) {
      mutate(`wrong type (${kind}) ${where}.${name}`, typeError, onWire, (at) =>
        KINDS[kind].map((v) => withValue(at, name, v)),
      );
    }
    if (typeof resolved === "object" && typeof resolved.pattern === "string") {
      const pattern = new RegExp(resolved.pattern, "u");
      mutate(`pattern ${where}.${name}`, false, true, (at) =>
        fc
          .string()
          .filter((s) => !pattern.test(s))
          .map((v) => withValue(at, name, v)),
      );
    }
    if (required.has(name)) found.push(...bodyMutations(spec, op, valid, property, [...path, name]));
  }
  return found;
}

/** One mutation per fault class and input, for every input of the operation. */
export function mutations(spec: any, op: FuzzOperation): Mutation[] {
  const valid = validInput(spec, op);
  const found: Mutation[] = [];
  /** A value of a wrong kind for one path or query parameter (sent as text). */
  const wrongParameter = (place: "path" | "query", name: string, schema: unknown) =>
    wrongKinds(schema, true).map(({ kind, typeError, onWire }) => ({
      label: `wrong type (${kind}) ${place}.${name}`,
      typeError,
      onWire,
      input: valid.chain((input) => KINDS[kind].map((v) => ({ ...input, [place]: withValue(input[place], name, v) }))),
    }));
  for (const p of op.path) found.push(...wrongParameter("path", p.name, p.schema));
  for (const p of op.query) {
    if (p.required) {
      found.push({
        label: `missing query.${p.name}`,
        typeError: true,
        onWire: true,
        input: valid.map((input) => ({ ...input, query: without(input.query, p.name) })),
      });
    }
    found.push(...wrongParameter("query", p.name, p.schema));
    const pattern = typeof p.schema?.pattern === "string" ? new RegExp(p.schema.pattern, "u") : undefined;
    if (pattern) {
      found.push({
        label: `pattern query.${p.name}`,
        typeError: false,
        onWire: true,
        input: valid.chain((input) =>
          fc
            .string()
            // Prism reads an empty optional query value (`modified_since=`) as absent and validates nothing: a
            // limit of the mock, not a valid value, so the empty string is left to the type-level checks.
            .filter((s) => s !== "" && !pattern.test(s))
            .map((v) => ({ ...input, query: withValue(input.query, p.name, v) })),
        ),
      });
    }
  }
  if (op.body) {
    const ok = accepted(deref(spec, op.body.schema));
    if (ok?.has("object")) {
      found.push({
        label: "wrong type (array) body",
        typeError: true,
        onWire: true,
        input: valid.chain((input) => KINDS.array.map((body) => ({ ...input, body }))),
      });
    }
    found.push(...bodyMutations(spec, op, valid, op.body.schema, []));
  }
  return found;
}
