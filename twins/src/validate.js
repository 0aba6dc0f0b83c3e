// @ts-check
// Just enough request checking for a twin to know it serves requests the spec allows: the twin never stores or
// returns a value that would make its own response leave the spec.

/** @typedef {"string" | "integer" | "number" | "boolean" | "object" | "array" | "null"} JsonType */

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * @param {unknown} value
 * @param {JsonType} type
 */
function hasType(value, type) {
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
 * @param {Record<string, unknown>} body
 * @param {Record<string, readonly JsonType[]>} shape   allowed types per field; fields not listed are not checked
 * @param {readonly string[]} [required]
 * @param {string} [prefix]  for nested objects, e.g. "address."
 * @returns {string[]}
 */
export function fieldProblems(body, shape, required = [], prefix = "") {
  const problems = [];
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

/**
 * Checks a twin factory's options: unknown names and wrong types throw a TypeError naming the option.
 * @param {string} factory
 * @param {unknown} options
 * @param {Record<string, (value: unknown) => string | undefined>} checks  each returns a problem, or undefined
 */
export function checkOptions(factory, options, checks) {
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

/** @param {unknown} value */
export const nonEmptyString = (value) =>
  typeof value === "string" && value !== "" ? undefined : "must be a non-empty string";

/** @param {unknown} value */
export const positiveInteger = (value) =>
  Number.isInteger(value) && /** @type {number} */ (value) > 0 ? undefined : "must be a positive integer";

/** @param {unknown} value */
export const clockFunction = (value) =>
  typeof value === "function" ? undefined : "must be a function returning the time in milliseconds";
