import { RateLimitError } from "./errors.js";
import { budgetSpentUntil } from "./retry-policy.js";
import { sleep } from "./sleep.js";
import type { RateLimit, RateLimiting, Release } from "./types.js";

export type { RateLimit, RateLimiting, Release } from "./types.js";

/** Which response header carries each figure (from the spec's `x-rate-limit`). */
export type RateLimitHeaders = { [K in keyof RateLimit]?: string };

export type RateLimitReader = (headers: Headers) => RateLimit | undefined;

/**
 * Reads `names` from every response; with `requestsPerMinute`, also paces requests on the client side.
 * `windowMs` is the limiter's window: 60 000 but for tests, which cannot wait real minutes.
 */
export function rateLimiting(names: RateLimitHeaders, requestsPerMinute?: number, windowMs?: number): RateLimiting {
  const acquire = requestsPerMinute ? minuteLimiter(requestsPerMinute, windowMs) : undefined;
  return {
    read: rateLimitReader(names),
    before(latest, call, signal) {
      const reset = budgetSpentUntil(latest);
      if (reset) {
        const info = call();
        throw new RateLimitError(
          { ...info, status: 429, headers: new Headers(), body: undefined, rateLimit: latest, hint: explain(latest) },
          `${info.operationId}: not sent: the daily request budget is spent until ${reset.toISOString()}`,
        );
      }
      return acquire?.(signal);
    },
    explain,
  };
}

/**
 * Which budget the figures show spent, and when it refills: the day's at `dayReset`; the minute's within a minute of
 * the first request counted in it (the API names no reset for it, so that is the most one can say).
 */
export function explain(figures: RateLimit | undefined): string | undefined {
  const { dayRemaining, dayLimit, dayReset, minuteRemaining, minuteLimit } = figures ?? {};
  const budget = (what: string, limit: number | undefined) =>
    `The ${what} budget${limit === undefined ? "" : ` of ${limit} requests`} is spent`;
  if (dayRemaining === 0) {
    return `${budget("daily", dayLimit)}; it refills ${dayReset ? `at ${dayReset.toISOString()}` : "at a time the response does not name"}.`;
  }
  if (minuteRemaining === 0) return `${budget("per-minute", minuteLimit)}; it refills within a minute.`;
  return undefined;
}

export function rateLimitReader(names: RateLimitHeaders): RateLimitReader {
  const entries = Object.entries(names) as [keyof RateLimit, string][];
  return (headers) => {
    let found: RateLimit | undefined;
    for (const [field, header] of entries) {
      const raw = headers.get(header) ?? "";
      // Digits only: Number("") is 0 (an empty header is no spent budget), Number("0x10") is 16; 400 digits are
      // Infinity.
      const number = Number(raw);
      if (!/^\s*\d+\s*$/.test(raw) || !Number.isFinite(number)) continue;
      found ??= {};
      // The reset is a Unix timestamp in seconds (see the header's description in specs/cyclesoftware.yaml). One
      // more than two days ahead (milliseconds: the year 58890) is no daily reset: unknown, so it locks nobody out.
      if (field !== "dayReset") found[field] = number;
      else if (number * 1000 <= Date.now() + RESET_HORIZON_MS) found.dayReset = new Date(number * 1000);
    }
    return found;
  };
}

const RESET_HORIZON_MS = 2 * 86_400_000;

/**
 * Keeps a client under `limit` requests in any sliding window of `windowMs`, counted where it matters: at the
 * server. A request arrives some time after it is sent, at the latest when its answer comes, so a slot is held
 * from the moment a request is granted until `windowMs` after its attempt ended (`release`). Counting from the
 * grant instead let 400 arrivals land within 60 s at a limit of 360: requests granted early arrived late. The cost
 * is one round trip per window, so a sequential caller still gets `windowMs / (windowMs + latency)` of the budget.
 * `now` is injectable for tests.
 */
export function minuteLimiter(limit: number, windowMs = 60_000, now = () => Date.now()) {
  const ended: number[] = [];
  let inFlight = 0;
  return async function acquire(signal?: AbortSignal): Promise<Release> {
    for (;;) {
      const time = now();
      while (ended.length > 0 && (ended[0] as number) <= time - windowMs) ended.shift();
      if (inFlight + ended.length < limit) {
        inFlight++;
        let done = false;
        return () => {
          if (done) return;
          done = true;
          inFlight--;
          ended.push(now());
        };
      }
      // The earliest a slot frees is `windowMs` after the first attempt to end, and with every slot in flight that
      // is at least `windowMs` from now: sleeping that long never oversleeps a slot.
      await sleep(ended.length > 0 ? (ended[0] as number) + windowMs - time : windowMs, signal);
    }
  };
}
