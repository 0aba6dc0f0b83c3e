const MASK = "[redacted]";

/** Scrubs secret values (credentials, sensitive body fields) out of text and data before anyone can see them. */
export interface Redactor {
  text(text: string): string;
  value<T>(value: T): T;
  /** A redactor that also hides the values `body` holds under the sensitive keys. */
  forBody(body: unknown): Redactor;
}

export function createRedactor(secrets: Iterable<string>, sensitiveKeys: readonly string[] = []): Redactor {
  const keys = new Set(sensitiveKeys);
  const needles = [...new Set([...secrets].flatMap(variants))].sort((a, b) => b.length - a.length);
  const text = (input: string) => {
    let output = input;
    for (const needle of needles) if (output.includes(needle)) output = output.split(needle).join(MASK);
    return output;
  };
  const value = <T>(input: T): T => scrub(input, text, keys) as T;
  const forBody = (body: unknown): Redactor => {
    if (keys.size === 0 || body === null || typeof body !== "object") return redactor;
    const found: string[] = [];
    collect(body, keys, found);
    return found.length === 0 ? redactor : createRedactor([...needles, ...found], sensitiveKeys);
  };
  const redactor: Redactor = { text, value, forBody };
  return redactor;
}

/** A secret can surface raw, percent-encoded (in a URL) or escaped inside a JSON string (a server's echo). */
function variants(secret: string): string[] {
  return secret ? [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)] : [];
}

function scrub(input: unknown, text: (s: string) => string, keys: Set<string>): unknown {
  if (typeof input === "string") return text(input);
  if (input === null || typeof input !== "object") return input;
  if (Array.isArray(input)) return input.map((item) => scrub(item, text, keys));
  const output: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(input)) {
    output[key] = keys.has(key) && item != null ? MASK : scrub(item, text, keys);
  }
  return output;
}

function collect(input: unknown, keys: Set<string>, found: string[]): void {
  if (input === null || typeof input !== "object") return;
  for (const [key, item] of Object.entries(input)) {
    if (keys.has(key) && (typeof item === "string" || typeof item === "number")) found.push(String(item));
    else collect(item, keys, found);
  }
}
