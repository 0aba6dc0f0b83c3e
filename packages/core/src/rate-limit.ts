import { sleep } from "./retry.js";

/** A vendor's rate-limit headers, read into numbers. Absent headers stay undefined. */
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

export function rateLimitReader(names: RateLimitHeaders): RateLimitReader {
  const entries = Object.entries(names) as [keyof RateLimit, string][];
  return (headers) => {
    let found: RateLimit | undefined;
    for (const [field, header] of entries) {
      const raw = headers.get(header);
      const number = raw === null ? Number.NaN : Number(raw);
      if (!Number.isFinite(number)) continue;
      found ??= {};
      if (field === "dayReset") found.dayReset = new Date(number * 1000);
      else found[field] = number;
    }
    return found;
  };
}

/** Keeps a client under `perMinute` requests in any sliding 60-second window. */
export function minuteLimiter(perMinute: number, now: () => number = Date.now) {
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
