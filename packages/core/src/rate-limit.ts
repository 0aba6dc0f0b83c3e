import { type CallInfo, RateLimitError } from "./errors.js";
import { sleep } from "./retry.js";

/** A vendor's rate-limit headers, read into numbers. Absent or unreadable headers stay undefined. */
export interface RateLimit {
  minuteLimit?: number;
  minuteRemaining?: number;
  dayLimit?: number;
  dayRemaining?: number;
  /** When the daily budget refills. */
  dayReset?: Date;
}

/** Which response header carries each figure (from the spec's `x-rate-limit`). */
export type RateLimitHeaders = { [K in keyof RateLimit]?: string };

export type RateLimitReader = (headers: Headers) => RateLimit | undefined;

/**
 * What an API with rate limits plugs into its transport. Only such a provider imports this module, so the others'
 * bundles carry none of it.
 */
export interface RateLimiting {
  read: RateLimitReader;
  /**
   * Runs before every attempt: throws a `RateLimitError` when `latest` shows the daily budget spent and not yet
   * reset; returns a promise only when the client-side limiter makes the request wait, so an unpaced call costs no
   * extra await.
   */
  before(latest: RateLimit | undefined, call: () => CallInfo, signal?: AbortSignal): Promise<void> | undefined;
}

/** Reads `names` from every response; with `requestsPerMinute`, also paces requests on the client side. */
export function rateLimiting(names: RateLimitHeaders, requestsPerMinute?: number): RateLimiting {
  const acquire = requestsPerMinute ? minuteLimiter(requestsPerMinute) : undefined;
  return {
    read: rateLimitReader(names),
    before(latest, call, signal) {
      const reset = latest?.dayReset;
      if (latest?.dayRemaining === 0 && reset && reset.getTime() > Date.now()) {
        const info = call();
        throw new RateLimitError(
          { ...info, status: 429, headers: new Headers(), body: undefined, rateLimit: latest },
          `${info.operationId}: not sent: the daily request budget is spent until ${reset.toISOString()}`,
        );
      }
      return acquire?.(signal);
    },
  };
}

export function rateLimitReader(names: RateLimitHeaders): RateLimitReader {
  const entries = Object.entries(names) as [keyof RateLimit, string][];
  return (headers) => {
    let found: RateLimit | undefined;
    for (const [field, header] of entries) {
      const raw = headers.get(header);
      // Number("") is 0: an empty header must not read as a spent budget.
      const number = raw?.trim() ? Number(raw) : Number.NaN;
      if (!Number.isFinite(number)) continue;
      found ??= {};
      // The reset is a Unix timestamp in seconds (see the header's description in specs/cyclesoftware.yaml).
      if (field === "dayReset") found.dayReset = new Date(number * 1000);
      else found[field] = number;
    }
    return found;
  };
}

/**
 * Keeps a client under `perMinute` requests in any sliding 60-second window. It remembers at most `perMinute`
 * send times. `now` is injectable for tests.
 */
export function minuteLimiter(perMinute: number, now = () => Date.now()) {
  const sent: number[] = [];
  return async function acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const time = now();
      while (sent.length > 0 && (sent[0] as number) <= time - 60_000) sent.shift();
      if (sent.length < perMinute) {
        sent.push(time);
        return;
      }
      await sleep((sent[0] as number) + 60_000 - time, signal);
    }
  };
}
