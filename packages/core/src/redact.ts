const MASK = "[redacted]";

/**
 * Secrets shorter than this are masked only where they stand as a whole value (a header value, a string in a JSON
 * body), never inside other text: a user name `api` masked as a substring would turn every URL into
 * `https://host/[redacted]/…`, which garbles the message and gives the secret away. Eight is the shortest password
 * most policies allow, and real API keys are far longer.
 */
export const MIN_MASKED_SUBSTRING = 8;

/** Scrubs secret values (credentials, sensitive body fields) out of text and data before anyone can see them. */
export interface Redactor {
  text(text: string): string;
  value<T>(value: T): T;
  /**
   * The redactor of one call: it also hides `secrets` (the credential headers the call set itself) and the values
   * the sent body holds under the sensitive keys. `body` is the JSON text that was sent, never the live object, which
   * may have a `toJSON` or a cycle (an ORM record pointing back at its parent).
   */
  forCall(body: string | undefined, secrets: readonly string[]): Redactor;
}

export function createRedactor(secrets: Iterable<string>, sensitiveKeys: readonly string[] = []): Redactor {
  const keys = new Set(sensitiveKeys.map((key) => key.toLowerCase()));
  const all = [...new Set(secrets)];
  const whole = new Set<string>();
  const parts = new Set<string>();
  for (const secret of all)
    for (const form of variants(secret)) (secret.length < MIN_MASKED_SUBSTRING ? whole : parts).add(form);
  const needles = [...parts].sort((a, b) => b.length - a.length);
  const text = (input: string) => {
    if (whole.has(input)) return MASK;
    let output = input;
    for (const needle of needles) if (output.includes(needle)) output = output.split(needle).join(MASK);
    return output;
  };
  const value = <T>(input: T): T => scrub(input, text, keys) as T;
  const forCall = (body: string | undefined, extra: readonly string[]): Redactor => {
    const found = [...extra];
    if (keys.size > 0 && body) collect(JSON.parse(body), keys, found, false);
    return found.length === 0 ? redactor : createRedactor([...all, ...found], sensitiveKeys);
  };
  const redactor: Redactor = { text, value, forCall };
  return redactor;
}

/**
 * The forms a server may echo a secret in: raw, percent-encoded (upper- or lower-case hex), form-encoded (`+` for a
 * space), JSON-escaped (also PHP's `\/` and `\u00fc` style) and HTML-escaped.
 */
function variants(secret: string): string[] {
  if (!secret) return [];
  const percent = encodeURIComponent(secret);
  const form = new URLSearchParams([["", secret]]).toString().slice(1);
  const json = JSON.stringify(secret).slice(1, -1);
  const html = secret
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
  const lowerHex = (encoded: string) => encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
  return [
    secret,
    percent,
    lowerHex(percent),
    form,
    lowerHex(form),
    json,
    json
      .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
      .replace(/\//g, "\\/"),
    html,
    html.replace(/&#39;/g, "&#x27;"),
  ];
}

/** Sensitive keys match in any case (`socialSecurityNumber`), at any depth, in objects and arrays alike. */
function scrub(input: unknown, text: (s: string) => string, keys: Set<string>): unknown {
  if (typeof input === "string") return text(input);
  if (input === null || typeof input !== "object") return input;
  if (Array.isArray(input)) return input.map((item) => scrub(item, text, keys));
  const output: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(input)) {
    output[key] = keys.has(key.toLowerCase()) && item != null ? MASK : scrub(item, text, keys);
  }
  return output;
}

/** Every string or number under a sensitive key, however deep (a sensitive field may hold an object). */
function collect(input: unknown, keys: Set<string>, found: string[], sensitive: boolean): void {
  if (typeof input === "string" || typeof input === "number") {
    if (sensitive) found.push(String(input));
  } else if (input !== null && typeof input === "object") {
    for (const [key, item] of Object.entries(input))
      collect(item, keys, found, sensitive || keys.has(key.toLowerCase()));
  }
}

/** Headers as a log line may show them: credential headers masked by name, whatever their value, the rest scrubbed. */
export function maskHeaders(
  headers: Record<string, string>,
  credentialHeaders: ReadonlySet<string>,
  redactor: Redactor,
): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    masked[name] = credentialHeaders.has(name) ? MASK : redactor.text(value);
  }
  return masked;
}
