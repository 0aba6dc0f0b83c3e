// @ts-check
/** Recorded exchanges from a HAR file (browser dev tools, mitmproxy, Charles) or JSON Lines, in one shape. */

/**
 * @typedef {object} Recorded
 * @property {string} method
 * @property {string} url
 * @property {number} status
 * @property {Headers} headers          the response headers
 * @property {string | undefined} bodyText  the response body as sent, undefined when empty
 * @property {string[]} secrets         credential values the request carried, masked in every report
 * @property {string} where             `entry 3` or `line 7`, for messages
 */

/** Request headers that carry credentials: their values are redacted from reports. */
const CREDENTIAL_HEADERS = new Set([
  "authorization",
  "api-key",
  "apikey",
  "x-api-key",
  "customerkey",
  "cookie",
  "proxy-authorization",
]);

/**
 * A HAR document (`{ log: { entries } }`) or JSON Lines, one exchange per line:
 * `{ "method", "url", "status", "headers"?: {name: value}, "requestHeaders"?: {…}, "body"?: JSON value or text }`.
 * @param {string} text
 * @returns {Recorded[]}
 */
export function readExchanges(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith("{") && /^\{\s*"log"\s*:/.test(trimmed)) return fromHar(JSON.parse(trimmed));
  return trimmed
    .split("\n")
    .map((line, index) => [line.trim(), index + 1])
    .filter(([line]) => line !== "")
    .map(([line, number]) => fromLine(/** @type {string} */ (line), `line ${number}`));
}

/** @param {any} har */
function fromHar(har) {
  if (!Array.isArray(har?.log?.entries)) throw new Error("not a HAR file: log.entries is missing");
  return har.log.entries.map((/** @type {any} */ entry, /** @type {number} */ index) => {
    const where = `entry ${index + 1}`;
    const { request, response } = entry ?? {};
    if (!request?.url || !response?.status) throw new Error(`${where}: needs request.url and response.status`);
    const content = response.content ?? {};
    const bodyText =
      content.text === undefined || content.text === ""
        ? undefined
        : content.encoding === "base64"
          ? Buffer.from(content.text, "base64").toString("utf8")
          : content.text;
    return {
      method: String(request.method ?? "GET").toUpperCase(),
      url: request.url,
      status: Number(response.status),
      headers: new Headers((response.headers ?? []).map((/** @type {any} */ h) => [h.name, String(h.value)])),
      bodyText,
      secrets: credentials((request.headers ?? []).map((/** @type {any} */ h) => [h.name, h.value])),
      where,
    };
  });
}

/**
 * @param {string} line
 * @param {string} where
 * @returns {Recorded}
 */
function fromLine(line, where) {
  let record;
  try {
    record = JSON.parse(line);
  } catch {
    throw new Error(`${where}: not JSON`);
  }
  if (typeof record?.url !== "string" || !Number.isInteger(record?.status))
    throw new Error(`${where}: needs "url" (string) and "status" (integer)`);
  const { body } = record;
  return {
    method: String(record.method ?? "GET").toUpperCase(),
    url: record.url,
    status: record.status,
    headers: new Headers(
      Object.entries(record.headers ?? {}).map(
        ([name, value]) => /** @type {[string, string]} */ ([name, String(value)]),
      ),
    ),
    bodyText: body === undefined || body === "" ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    secrets: credentials(Object.entries(record.requestHeaders ?? {})),
    where,
  };
}

/** @param {[string, unknown][]} headers */
function credentials(headers) {
  const found = [];
  for (const [name, value] of headers) {
    if (!CREDENTIAL_HEADERS.has(String(name).toLowerCase()) || typeof value !== "string") continue;
    found.push(value);
    // The credential inside `Basic …` / `Bearer …` is the secret too, and so is a Basic password once decoded.
    const [scheme, token] = value.split(" ");
    if (token) found.push(token);
    if (scheme?.toLowerCase() === "basic" && token)
      found.push(...Buffer.from(token, "base64").toString("utf8").split(":"));
  }
  return found.filter((secret) => secret.length > 0);
}
