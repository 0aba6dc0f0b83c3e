// Just enough request checking for a twin to know it serves requests the spec allows: the twin never stores or
// returns a value that would make its own response leave the spec.

export type JsonType = "string" | "integer" | "number" | "boolean" | "object" | "array" | "null";

/** Allowed types per field; fields not listed are not checked. */
export type Shape = Readonly<Record<string, readonly JsonType[]>>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "object":
      return isRecord(value);
    case "array":
      return Array.isArray(value);
    default:
      return typeof value === type;
  }
}

/**
 * The problems of `body`'s fields against `shape`, each naming the field, e.g. "`Number` must be a string".
 * `prefix` names nested objects, e.g. "address.".
 */
export function fieldProblems(
  body: Record<string, unknown>,
  shape: Shape,
  required: readonly string[] = [],
  prefix = "",
): string[] {
  const problems: string[] = [];
  for (const name of required) {
    if (body[name] === undefined) problems.push(`\`${prefix}${name}\` is required`);
  }
  for (const [name, types] of Object.entries(shape)) {
    const value = body[name];
    if (value === undefined || types.some((type) => hasType(value, type))) continue;
    problems.push(
      `\`${prefix}${name}\` must be ${types.map((t) => (t === "integer" ? "an integer" : `a ${t}`)).join(" or ")}`,
    );
  }
  return problems;
}

/** Returns what is wrong with an option's value, or undefined. */
export type OptionCheck = (value: unknown) => string | undefined;

/** Checks a twin factory's options: unknown names and wrong types throw a TypeError naming the option. */
export function checkOptions(factory: string, options: unknown, checks: Record<string, OptionCheck>): void {
  if (options === undefined) return;
  if (!isRecord(options)) throw new TypeError(`${factory}: options must be an object`);
  for (const [name, value] of Object.entries(options)) {
    const check = checks[name];
    if (!check) {
      throw new TypeError(`${factory}: "${name}" is not an option; known: ${Object.keys(checks).join(", ")}`);
    }
    const problem = value === undefined ? undefined : check(value);
    if (problem) throw new TypeError(`${factory}: option "${name}" ${problem}`);
  }
}

export const nonEmptyString: OptionCheck = (value) =>
  typeof value === "string" && value !== "" ? undefined : "must be a non-empty string";

export const positiveInteger: OptionCheck = (value) =>
  Number.isInteger(value) && (value as number) > 0 ? undefined : "must be a positive integer";

export const clockFunction: OptionCheck = (value) =>
  typeof value === "function" ? undefined : "must be a function returning the time in milliseconds";

/** Throws a TypeError with `message` unless `value` is a JSON object; narrows nothing, so fixtures keep their type. */
export function requireObject(value: unknown, message: string): void {
  if (!isRecord(value)) throw new TypeError(message);
}
