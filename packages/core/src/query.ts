import { isPlainObject } from "./call-options.js";
import { InvalidInputError, kindOf } from "./errors.js";
import type { Operation } from "./types.js";

/**
 * An operation's query string (`""` for none), for the generated functions of operations that take a query.
 * Form-style, percent-encoded like the vendors' own examples: spaces as `%20` (never `+`), `:` left readable
 * (`modified_since=2019-01-01%2012:00:00`). Undefined and null values are left out. A value that has no text form the
 * API could read (a Date, an object, NaN) is refused, naming the field, rather than sent as `Tue%20Jan…` or
 * `[object Object]`; a Date's message points at `formatDateTime`.
 */
export function queryString(query: unknown, operation: Operation): string {
  const { id } = operation;
  if (query == null) return "";
  if (!isPlainObject(query)) {
    throw new InvalidInputError(id, "query", `must be an object of query parameters; got ${kindOf(query)}`, "query");
  }
  let search = "";
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item instanceof Date) {
        throw new InvalidInputError(
          id,
          `query.${key}`,
          'must be text, not a Date (whose own text and time zone are not the API\'s): format it, e.g. formatDateTime(date, { timeZone }) for "YYYY-MM-DD HH:MM:SS"',
          `query parameter "${key}"`,
        );
      }
      if (!(typeof item === "string" || typeof item === "boolean" || Number.isFinite(item))) {
        throw new InvalidInputError(
          id,
          `query.${key}`,
          `must be a string, a finite number or a boolean (or an array of them); got ${kindOf(item)}`,
          `query parameter "${key}"`,
        );
      }
      search += `${search ? "&" : "?"}${encode(key)}=${encode(String(item))}`;
    }
  }
  return search;
}

function encode(text: string): string {
  const encoded = encodeURIComponent(text);
  return encoded.includes("%3A") ? encoded.replace(/%3A/g, ":") : encoded;
}

/**
 * A path parameter, encoded so it can never change the path's shape. Only a string or a finite number has a text
 * form that names one resource (`undefined`, `null`, an object would be sent as `/customer/undefined`). "", "." and
 * ".." cannot be encoded either: an empty segment names the collection, and URL parsing drops dot segments (even as
 * `%2E`), so the request would reach the parent resource (`deletePlant("..")` would send `DELETE
 * /api/import/test/`). All of them are refused before anything is sent, naming the operation and the parameter.
 */
export function pathParam(value: string | number, operation: Operation, name: string): string {
  if (typeof value === "string" ? /^\.{0,2}$/.test(value) : !Number.isFinite(value)) {
    throw new InvalidInputError(
      operation.id,
      name,
      typeof value === "string"
        ? `must not be ${JSON.stringify(value)}: it would address another resource`
        : `must be a string or a finite number; got ${kindOf(value)}`,
      `path parameter "${name}"`,
    );
  }
  return encodeURIComponent(value);
}
