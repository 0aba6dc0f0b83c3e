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
  const encoded = encodeURIComponent(text);
  return encoded.includes("%3A") ? encoded.replace(/%3A/g, ":") : encoded;
}

/**
 * A path parameter, encoded so it can never change the path's shape. "", "." and ".." cannot be: an empty segment
 * names the collection, and URL parsing drops dot segments (even as `%2E`), so the request would reach the parent
 * resource (`deletePlant("..")` would send `DELETE /api/import/test/`). They are refused before anything is sent.
 */
export function pathParam(value: string | number): string {
  const text = String(value);
  if (/^\.{0,2}$/.test(text)) throw new TypeError(`path parameter "${text}" would address another resource`);
  return encodeURIComponent(text);
}
