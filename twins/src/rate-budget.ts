// CycleSoftware's request allowance: a count per minute and per day, both in fixed windows of the twin's clock.
// The document shows only the header values, not how its windows run; fixed calendar windows are the simplest
// reading that matches "Minutely" and a daily reset at midnight (the twin's day is UTC).

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface RateBudget {
  /** Counts one request; false, counting nothing, when the minute's or the day's allowance is spent. */
  take(): boolean;
  /** The documented X-RateLimit-* headers, as of now. */
  headers(): Record<RateLimitHeader, string>;
  reset(): void;
}

type RateLimitHeader =
  | "X-RateLimit-Minutely-Limit"
  | "X-RateLimit-Minutely-Remaining"
  | "X-RateLimit-Daily-Limit"
  | "X-RateLimit-Daily-Remaining"
  | "X-RateLimit-Daily-Reset";

export function createRateBudget({
  perMinute,
  perDay,
  now,
}: {
  perMinute: number;
  perDay: number;
  now: () => number;
}): RateBudget {
  let minute = Number.NaN;
  let day = Number.NaN;
  let usedThisMinute = 0;
  let usedToday = 0;

  function roll() {
    const time = now();
    if (Math.floor(time / MINUTE) !== minute) {
      minute = Math.floor(time / MINUTE);
      usedThisMinute = 0;
    }
    if (Math.floor(time / DAY) !== day) {
      day = Math.floor(time / DAY);
      usedToday = 0;
    }
  }

  return {
    take() {
      roll();
      if (usedThisMinute >= perMinute || usedToday >= perDay) return false;
      usedThisMinute++;
      usedToday++;
      return true;
    },
    headers() {
      roll();
      return {
        "X-RateLimit-Minutely-Limit": String(perMinute),
        "X-RateLimit-Minutely-Remaining": String(perMinute - usedThisMinute),
        "X-RateLimit-Daily-Limit": String(perDay),
        "X-RateLimit-Daily-Remaining": String(perDay - usedToday),
        // Unix seconds of the next midnight, as the document's 1678230000 is.
        "X-RateLimit-Daily-Reset": String(((day + 1) * DAY) / 1000),
      };
    },
    reset() {
      usedThisMinute = 0;
      usedToday = 0;
    },
  };
}
