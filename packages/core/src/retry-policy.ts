import type { RateLimit } from "./types.js";

/**
 * Every rule for when a failed attempt is tried again, and after how long. The transport describes what happened
 * and does what this module answers; nothing else decides.
 */

/** Backoff bounds: full jitter over an exponential ceiling. */
export const RETRY_BASE_MS = 500;
export const RETRY_CAP_MS = 8_000;
/** A server asking for a longer pause than this gets an error, not a silently stalled call. */
export const RETRY_AFTER_LIMIT_MS = 60_000;

/**
 * What an attempt came to, as far as retrying goes: an answer with a non-2xx `status` (its headers and rate-limit
 * figures), or an `error` without a usable answer.
 */
export interface Outcome {
  status?: number;
  headers?: Headers;
  rateLimit?: RateLimit | undefined;
  /**
   * `timeout`: no answer in time. `network`: the connection failed or broke (`codes`, the error codes down the
   * cause chain of what fetch threw, tell whether a byte was sent). `unparseable`: a 2xx whose JSON did not parse or was empty, a body cut off on the way.
   * `final`: an answer no retry can change (a body over the limit, a refused redirect, a flagged or drifting body).
   */
  error?: "timeout" | "network" | "unparseable" | "final";
  codes?: readonly string[];
}

export interface RetryPolicy {
  /** Safe to send twice (GET/PUT/DELETE or `x-idempotent`). */
  idempotent: boolean;
  /** Retries allowed after the first attempt. */
  maxRetries: number;
  /** The jitter source, injectable for tests. */
  random?: () => number;
  /** The time `Retry-After` dates are measured from. */
  now?: number;
}

/** Wait this many milliseconds and try again, or stop and report the attempt's failure. */
export type RetryDecision = number | "stop";

/**
 * After attempt number `attempt` (0 is the first) ended in `outcome`: how long to wait before the next one, or stop.
 * - Only an idempotent call is repeated, except after a network error that proves no byte reached a server.
 * - Statuses 408, 429 and ≥ 500 are retried; other statuses, an oversized body and a refused redirect are final.
 * - `Retry-After` wins over the backoff; one beyond `RETRY_AFTER_LIMIT_MS` stops (the caller gets the error rather
 *   than a silently stalled call).
 * - No retry once the daily budget is spent, nor after a 429 that shows the minute's budget spent and names no time
 *   to come back: each such retry would only spend more of the day's budget.
 */
export function retryDecision(outcome: Outcome, attempt: number, policy: RetryPolicy): RetryDecision {
  const { status = 0, error, rateLimit } = outcome;
  const asked = error ? undefined : retryAfterDelay(outcome.headers as Headers, policy.now);
  const retried =
    attempt < policy.maxRetries &&
    (error
      ? error !== "final" &&
        (policy.idempotent || (error === "network" && !!outcome.codes?.some((code) => NEVER_CONNECTED.test(code))))
      : policy.idempotent &&
        (status === 408 || status === 429 || status >= 500) &&
        rateLimit?.dayRemaining !== 0 &&
        !(status === 429 && asked === undefined && rateLimit?.minuteRemaining === 0) &&
        !((asked as number) > RETRY_AFTER_LIMIT_MS));
  return retried ? (asked ?? backoffDelay(attempt, policy.random)) : "stop";
}

/**
 * When a call may not be sent at all: the latest figures show the daily budget spent and its reset still ahead.
 * Undefined when the call may go.
 */
export function budgetSpentUntil(latest: RateLimit | undefined, now = Date.now()): Date | undefined {
  const reset = latest?.dayReset;
  return latest?.dayRemaining === 0 && reset && reset.getTime() > now ? reset : undefined;
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

// RFC 9110 §5.6.7's three forms, in this order: IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, RFC 850
// `Sunday, 06-Nov-94 08:49:37 GMT` and asctime `Sun Nov  6 08:49:37 1994`. One literal (rather than one built
// from day, month and time parts) is the smallest in a bundle.
const HTTP_DATE =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d\d-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d\d \d\d:\d\d:\d\d GMT|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d \d{4})$/;

// Codes that mean no connection was ever made (undici's connect timeout is the TCP handshake's, not the request's):
// only they prove no byte of the request reached a server. Browsers never say why a fetch failed, so there a
// non-idempotent call is never repeated.
const NEVER_CONNECTED = /^(?:ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT)$/;
