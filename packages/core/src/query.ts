/**
 * Form-style query string, percent-encoded like the vendors' own examples: spaces as `%20` (never `+`),
 * `:` left readable (`modified_since=2019-01-01%2012:00:00`). Undefined and null values are left out.
 */
export function encodeQuery(query: object): string {
  let search = "";
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      search += `${search ? "&" : "?"}${encode(key)}=${encode(String(item))}`;
    }
  }
  return search;
}

function encode(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ":");
}

/** A path parameter, encoded so it can never change the path's shape. */
export function pathParam(value: string | number): string {
  return encodeURIComponent(String(value));
}
