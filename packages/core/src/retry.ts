/** Backoff bounds: full jitter over an exponential ceiling. */
export const RETRY_BASE_MS = 500;
export const RETRY_CAP_MS = 8_000;
/** A server asking for a longer pause than this gets an error, not a silently stalled call. */
export const RETRY_AFTER_LIMIT_MS = 60_000;

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The pause before retry number `retry + 1`: uniformly random below min(cap, base · 2^retry) ("full jitter"). */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** retry));
}

/**
 * `Retry-After` as delta-seconds (digits only) or an HTTP-date in one of its three forms; a date in the past means
 * now. Anything else (`0x10`, `1e3`, `-5`, `soon`, `Fri 2099`) is undefined, so the caller falls back to its
 * backoff: `Number()` would read those as 16 s, 1000 s or a negative pause, and `Date.parse` reads many strings
 * that are no HTTP-date (`Fri 2099` as the year 2099, `Mon 5` as 2001).
 */
export function retryAfterDelay(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get("retry-after")?.trim() ?? "";
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!HTTP_DATE.test(value)) return undefined;
  // asctime (`Sun Nov  6 08:49:37 1994`) names no zone; like the other two forms it is GMT, which Date.parse
  // would not assume.
  const date = Date.parse(value.endsWith("GMT") ? value : `${value} GMT`);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// RFC 9110 §5.6.7: IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT` and
// asctime `Sun Nov  6 08:49:37 1994`.
const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "\\d\\d:\\d\\d:\\d\\d";
const HTTP_DATE = new RegExp(
  `^(?:${DAY}, \\d\\d ${MONTH} \\d{4} ${TIME} GMT|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \\d\\d-${MONTH}-\\d\\d ${TIME} GMT|${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4})$`,
);

// Codes that mean no connection was ever made (undici's connect timeout is the TCP handshake's, not the request's).
const NEVER_CONNECTED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/**
 * True only when the error proves no byte of the request reached a server. Browsers never say why a fetch failed,
 * so there this is always false and a non-idempotent call is never repeated.
 */
export function neverReachedServer(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && NEVER_CONNECTED.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
