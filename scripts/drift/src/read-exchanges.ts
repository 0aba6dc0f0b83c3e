/** Recorded exchanges from a HAR file (browser dev tools, mitmproxy, Charles) or JSON Lines, in one shape. */

export interface Recorded {
  method: string;
  url: string;
  status: number;
  /** the response headers */
  headers: Headers;
  /** the response body as sent, undefined when empty */
  bodyText: string | undefined;
  /** credential values the request carried, masked in every report */
  secrets: string[];
  /** `entry 3` or `line 7`, for messages */
  where: string;
}

/** What is read of a HAR document; anything may be missing in a hand-made file. */
interface Har {
  log?: { entries?: HarEntry[] };
}
interface HarEntry {
  request?: { method?: string; url?: string; headers?: HarHeader[] };
  response?: { status?: number; headers?: HarHeader[]; content?: { text?: string; encoding?: string } };
}
interface HarHeader {
  name: string;
  value: unknown;
}

/** A JSON Lines record. */
interface Line {
  method?: string;
  url?: unknown;
  status?: unknown;
  headers?: Record<string, unknown>;
  requestHeaders?: Record<string, unknown>;
  body?: unknown;
}

/**
 * A HAR document (`{ log: { entries } }`) or JSON Lines, one exchange per line:
 * `{ "method", "url", "status", "headers"?: {name: value}, "requestHeaders"?: {…}, "body"?: JSON value or text }`.
 */
export function readExchanges(text: string, credentialHeaders: ReadonlySet<string>): Recorded[] {
  const credentials = (headers: [string, unknown][]) => credentialValues(headers, credentialHeaders);
  const trimmed = text.trim();
  if (trimmed.startsWith("{") && /^\{\s*"log"\s*:/.test(trimmed)) return fromHar(JSON.parse(trimmed), credentials);
  return trimmed
    .split("\n")
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, number }) => fromLine(line, `line ${number}`, credentials));
}

/** The credential values among a request's headers. */
type Credentials = (headers: [string, unknown][]) => string[];

function fromHar(har: Har, credentials: Credentials): Recorded[] {
  const entries = har?.log?.entries;
  if (!Array.isArray(entries)) throw new Error("not a HAR file: log.entries is missing");
  return entries.map((entry, index) => {
    const where = `entry ${index + 1}`;
    const request = entry?.request;
    const response = entry?.response;
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
      headers: new Headers((response.headers ?? []).map((h): [string, string] => [h.name, String(h.value)])),
      bodyText,
      secrets: credentials((request.headers ?? []).map((h): [string, unknown] => [h.name, h.value])),
      where,
    };
  });
}

function fromLine(line: string, where: string, credentials: Credentials): Recorded {
  let record: Line | null;
  try {
    record = JSON.parse(line);
  } catch {
    throw new Error(`${where}: not JSON`);
  }
  const status = record?.status;
  if (!record || typeof record.url !== "string" || typeof status !== "number" || !Number.isInteger(status))
    throw new Error(`${where}: needs "url" (string) and "status" (integer)`);
  const { body } = record;
  return {
    method: String(record.method ?? "GET").toUpperCase(),
    url: record.url,
    status,
    headers: new Headers(
      Object.entries(record.headers ?? {}).map(([name, value]): [string, string] => [name, String(value)]),
    ),
    bodyText: body === undefined || body === "" ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    secrets: credentials(Object.entries(record.requestHeaders ?? {})),
    where,
  };
}

/** @param credentialHeaders lower-case names of the headers whose values are credentials */
function credentialValues(headers: [string, unknown][], credentialHeaders: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const [name, value] of headers) {
    if (!credentialHeaders.has(String(name).toLowerCase()) || typeof value !== "string") continue;
    found.push(value);
    // The credential inside `Basic …` / `Bearer …` is the secret too, and so is a Basic password once decoded.
    const [scheme, token] = value.split(" ");
    if (token) found.push(token);
    if (scheme?.toLowerCase() === "basic" && token)
      found.push(...Buffer.from(token, "base64").toString("utf8").split(":"));
  }
  return found.filter((secret) => secret.length > 0);
}
