const MASK = "[redacted]";

/**
 * How much text a secret must have to be masked inside other text. A secret masked as a substring garbles every
 * message that happens to contain it, and the garbling gives it away (a user name `api` would turn each URL into
 * `https://host/[redacted]/…`). So a secret of 1 to 3 characters is masked only where it stands as a whole value (a
 * header value, a string in a JSON body); one of 4 to 7 also as a whole word (not inside a longer run of letters
 * and digits: `TENANT2` in `key TENANT2 refused`); from 8 characters (the shortest password most policies allow, and
 * far shorter than real API keys) anywhere.
 */
export const MIN_MASKED_WORD = 4;
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
  const all = [...secrets].flatMap(credentialParts);
  const whole = new Set<string>();
  const words = new Set<string>();
  const parts = new Set<string>();
  for (const secret of all) {
    const tier = secret.length < MIN_MASKED_WORD ? whole : secret.length < MIN_MASKED_SUBSTRING ? words : parts;
    for (const form of variants(secret)) tier.add(form);
  }
  const longestFirst = (set: Set<string>) => [...set].sort((a, b) => b.length - a.length);
  // What text is masked at, in order: the long forms anywhere, longest first, then the mid-length ones as words.
  const needles: (string | RegExp)[] = longestFirst(parts);
  if (words.size > 0)
    needles.push(
      new RegExp(
        longestFirst(words)
          .map((w) => `(?<![A-Za-z0-9])${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9])`)
          .join("|"),
        "g",
      ),
    );
  const text = (input: string) =>
    whole.has(input) ? MASK : needles.reduce((output: string, needle) => output.replaceAll(needle, MASK), input);
  // Values are parsed JSON or text, so a JSON round trip copies them whole; the reviver runs leaves first, so a
  // sensitive key's value is masked whole, whatever it holds.
  const value = <T>(input: T): T =>
    input === undefined
      ? input
      : JSON.parse(JSON.stringify(input), (key, item: unknown) =>
          keys.has(key.toLowerCase()) && item != null ? MASK : typeof item === "string" ? text(item) : item,
        );
  const forCall = (body: string | undefined, extra: readonly string[]): Redactor => {
    const found = [...extra];
    if (keys.size > 0 && body) collect(JSON.parse(body), keys, found, false);
    return found.length === 0 ? redactor : createRedactor([...all, ...found], sensitiveKeys);
  };
  const redactor: Redactor = { text, value, forCall };
  return redactor;
}

/**
 * A credential header's value and the parts a server may echo alone: the token after an auth scheme (`Bearer
 * <token>`), and for Basic the `user:password` it encodes, the user name and the password (as the factory's own
 * Basic credentials are masked). A call's `Authorization` header is known only as the whole value.
 */
function credentialParts(secret: string): string[] {
  const [, basic, token] = /^(?:(Basic)|Bearer|Token) +([\w.~+/-]+=*)$/i.exec(secret) ?? [];
  if (!token) return [secret];
  let pair = "";
  try {
    if (basic) pair = new TextDecoder().decode(Uint8Array.from(atob(token), (c) => c.charCodeAt(0)));
  } catch {}
  // `user:password`, the user and the password (split at the first colon: a password may hold more).
  return [secret, token, ...(/^([^:]*):(.*)$/s.exec(pair) ?? [])];
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
  // In encoded text every `%` starts an escape (a `%` itself is encoded as `%25`).
  const lowerHex = (encoded: string) => encoded.replace(/%../g, (hex) => hex.toLowerCase());
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

/** Every string or number under a sensitive key, however deep (a sensitive field may hold an object). */
function collect(input: unknown, keys: Set<string>, found: string[], sensitive: boolean): void {
  if (input && typeof input === "object") {
    for (const [key, item] of Object.entries(input))
      collect(item, keys, found, sensitive || keys.has(key.toLowerCase()));
  } else if (sensitive && (typeof input === "string" || typeof input === "number")) found.push(String(input));
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

/** Response headers with every secret value scrubbed, for an error to carry. */
export function redactHeaders(headers: Headers, redactor: Redactor): Headers {
  return new Headers([...headers].map(([name, value]): [string, string] => [name, redactor.text(value)]));
}
