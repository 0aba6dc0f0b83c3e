/** What kind of difference between a response and its spec a report names. */
export type DriftKind =
  | "type"
  | "required"
  | "extra"
  | "forbidden"
  | "pattern"
  | "format"
  | "enum"
  | "status"
  | "header"
  | "body";

/** One way a response left the operation's spec. Values are redacted before anyone sees a report. */
export interface DriftReport {
  operationId: string;
  status: number;
  kind: DriftKind;
  /** Where: a JSON pointer into the body (`""` is the whole body, `/customers/0/email` a field), or `header:<name>`. */
  pointer: string;
  /** What the spec says belongs there. */
  expected: string;
  /** What came, shortened and redacted. */
  actual: string;
  /** Why the spec believed otherwise: the provenance of the nearest `x-inferred` element, where there is one. */
  inferred?: string;
  /** The report on one line, provenance included. */
  message: string;
}

/** A generated checker: reports every difference between `value` and one schema, at pointer `at`. */
export type Check = (value: unknown, at: string, drift: Drift, why?: string) => void;

const JSON_TYPES: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === "string",
  integer: Number.isInteger,
  number: (v) => typeof v === "number" && Number.isFinite(v),
  boolean: (v) => typeof v === "boolean",
  null: (v) => v === null,
  array: Array.isArray,
  object: (v) => typeof v === "object" && v !== null && !Array.isArray(v),
};

const SPLIT = new Map<string, string[]>();

/** The JSON type of a value, as a spec names it. */
export const typeOf = (value: unknown): string =>
  Object.keys(JSON_TYPES).find((name) => name !== "number" && JSON_TYPES[name]?.(value)) ??
  (typeof value === "number" ? "number" : typeof value);

/** `~` and `/` escaped, as a JSON pointer needs. */
export const pointerPart = (key: string | number): string => `/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;

type Found = Omit<DriftReport, "operationId" | "status" | "message"> & { value: unknown };

/**
 * The collector generated checkers report to: each method checks one keyword and records what failed. Checks
 * return whether the value passed, so a checker goes no deeper into a value of the wrong type.
 */
export class Drift {
  readonly found: Found[] = [];

  add(kind: Found["kind"], pointer: string, expected: string, value: unknown, why?: string, actual?: string): false {
    this.found.push({ kind, pointer, expected, value, actual: actual ?? "", ...(why ? { inferred: why } : {}) });
    return false;
  }

  /** `types` as the spec lists them, joined by `|`: `"string|null"`. */
  type(value: unknown, at: string, types: string, why?: string): boolean {
    // Split once per spelling: a page of records asks the same few questions thousands of times.
    let allowed = SPLIT.get(types);
    if (!allowed) {
      allowed = types.split("|");
      SPLIT.set(types, allowed);
    }
    for (const name of allowed) if (JSON_TYPES[name]?.(value)) return true;
    return this.add("type", at, allowed.join(" or "), value, why);
  }

  required(object: Record<string, unknown>, at: string, names: readonly string[], why?: string): void {
    for (const name of names) {
      if (object[name] === undefined)
        this.add("required", at + pointerPart(name), "a value (required)", undefined, why, "nothing");
    }
  }

  /** Properties beyond `known` on an object whose spec promises no more. */
  closed(object: Record<string, unknown>, at: string, known: readonly string[], why?: string): void {
    for (const name of Object.keys(object)) {
      if (!known.includes(name))
        this.add("extra", at + pointerPart(name), "no such property (not in the spec)", object[name], why);
    }
  }

  /** A property the spec forbids (`not: {}`), or a write-only one, which a response never carries. */
  forbidden(value: unknown, at: string, expected: string, why?: string): void {
    if (value !== undefined) this.add("forbidden", at, expected, value, why);
  }

  pattern(value: unknown, at: string, pattern: RegExp, why?: string): void {
    if (typeof value === "string" && !pattern.test(value))
      this.add("pattern", at, `a string matching ${pattern.source}`, value, why);
  }

  /** `format: date`: a real calendar date, `YYYY-MM-DD`. */
  date(value: unknown, at: string, why?: string): void {
    if (typeof value !== "string") return;
    // Date parses 2016-02-30 as March 1st: a real date is one that reads back unchanged.
    const day = new Date(`${value}T00:00:00Z`);
    const real =
      /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
    if (!real) this.add("format", at, "a date (YYYY-MM-DD)", value, why);
  }

  oneOf(value: unknown, at: string, allowed: readonly unknown[], why?: string): void {
    if (!allowed.includes(value as never)) {
      this.add("enum", at, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, value, why);
    }
  }
}
