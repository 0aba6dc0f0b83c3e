import { type RateLimit, RateLimitError, rateLimiting, UserAbortError } from "@clientele/core/runtime";
import { ops, recordLog, settle, testTransport, withFakeTime } from "@clientele/testkit/harness";
import { json, scriptedFetch } from "@clientele/testkit/scripted-fetch";
import { describe, expect, test, vi } from "vitest";
import { minuteLimiter, rateLimitReader } from "../src/rate-limit.js";

const names = {
  minuteLimit: "X-Minute-Limit",
  minuteRemaining: "X-Minute-Remaining",
  dayLimit: "X-Day-Limit",
  dayRemaining: "X-Day-Remaining",
  dayReset: "X-Day-Reset",
};

/** Headers of a response with `dayRemaining` left, resetting `resetIn` ms from now. */
const figures = (dayRemaining: number, resetIn: number) => ({
  "x-minute-limit": "360",
  "x-minute-remaining": "359",
  "x-day-limit": "15000",
  "x-day-remaining": String(dayRemaining),
  "x-day-reset": String(Math.floor((Date.now() + resetIn) / 1000)),
});

describe("rateLimitReader", () => {
  const read = rateLimitReader(names);
  test.each<[string, Record<string, string>, RateLimit | undefined]>([
    [
      "every header",
      {
        "X-Minute-Limit": "360",
        "X-Minute-Remaining": "59",
        "X-Day-Limit": "15000",
        "X-Day-Remaining": "14999",
        "X-Day-Reset": "1678230000",
      },
      {
        minuteLimit: 360,
        minuteRemaining: 59,
        dayLimit: 15_000,
        dayRemaining: 14_999,
        dayReset: new Date("2023-03-07T23:00:00Z"),
      },
    ],
    ["some headers", { "x-day-remaining": "0" }, { dayRemaining: 0 }],
    ["none", { "content-type": "application/json" }, undefined],
    ["unreadable values are left out", { "x-day-remaining": "lots", "x-day-limit": "15000" }, { dayLimit: 15_000 }],
    ["an empty value is not read as 0", { "x-day-remaining": "", "x-minute-remaining": "  " }, undefined],
    // Read as seconds, a reset in milliseconds lies in the year 58890: no daily reset, so unknown.
    [
      "a reset in milliseconds is unknown",
      { "x-day-remaining": "0", "x-day-reset": "1678230000000" },
      { dayRemaining: 0 },
    ],
    ["a fractional reset is unknown", { "x-day-remaining": "0", "x-day-reset": "1678230000.5" }, { dayRemaining: 0 }],
    ["a negative reset is unknown", { "x-day-remaining": "0", "x-day-reset": "-1" }, { dayRemaining: 0 }],
    ["a reset in hex is unknown", { "x-day-remaining": "0", "x-day-reset": "0x10" }, { dayRemaining: 0 }],
  ])("%s", (_, headers, expected) => {
    expect(read(new Headers(headers))).toEqual(expected);
  });
});

describe("rate limits through a transport", () => {
  const limited = (fetch: Parameters<typeof testTransport>[0], requestsPerMinute?: number) =>
    testTransport(fetch, {}, { rateLimits: rateLimiting(names, requestsPerMinute) });

  test("every response and every error carries the figures; the transport keeps the latest", async () => {
    const { fetch } = scriptedFetch(json({ a: 1 }, 200, figures(10, 3_600_000)), json({}, 404, figures(9, 3_600_000)));
    const transport = limited(fetch);
    const { rateLimit } = await transport.send(ops.get, "/x", undefined, undefined).withResponse();
    expect(rateLimit).toMatchObject({ minuteLimit: 360, minuteRemaining: 359, dayLimit: 15_000, dayRemaining: 10 });
    expect(transport.rateLimit).toEqual(rateLimit);
    const error = (await settle(transport.send(ops.get, "/x", undefined, undefined))) as RateLimitError;
    expect(error.rateLimit).toMatchObject({ dayRemaining: 9 });
    expect(transport.rateLimit?.dayRemaining).toBe(9);
  });

  test("with the daily budget spent, calls fail fast with a RateLimitError carrying the reset time", async () => {
    const reset = figures(0, 3_600_000);
    const { fetch, seen } = scriptedFetch(json({ last: true }, 200, reset));
    const transport = limited(fetch);
    // The response that spends the budget is still a success.
    expect(await transport.send(ops.get, "/x", undefined, undefined)).toEqual({ last: true });
    const error = (await settle(transport.send(ops.create, "/things", undefined, { a: 1 }))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    const resetAt = new Date(Number(reset["x-day-reset"]) * 1000);
    expect(error.rateLimit?.dayReset).toEqual(resetAt);
    expect(error.status).toBe(429);
    expect(error.operationId).toBe("createThing");
    expect(error.message).toBe(
      `createThing: not sent: the daily request budget is spent until ${resetAt.toISOString()}`,
    );
    expect(seen).toHaveLength(1);
  });

  test("once the reset time has passed, calls go out again", async () => {
    const { fetch, seen } = scriptedFetch(
      json({}, 200, figures(0, -1_000)),
      json({ again: true }, 200, figures(15_000, 86_400_000)),
    );
    const transport = limited(fetch);
    await transport.send(ops.get, "/x", undefined, undefined);
    expect(await transport.send(ops.get, "/x", undefined, undefined)).toEqual({ again: true });
    expect(seen).toHaveLength(2);
  });

  test("a 429 that shows the daily budget spent is not retried, even for a GET", async () => {
    const { fetch, seen } = scriptedFetch(json({}, 429, { ...figures(0, 3_600_000), "retry-after": "1" }), json({}));
    const error = await settle(limited(fetch).send(ops.get, "/x", undefined, undefined));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).rateLimit?.dayRemaining).toBe(0);
    expect(seen).toHaveLength(1);
  });

  test("a 429 that shows the minute's budget spent, with no Retry-After, is not retried", async () => {
    const minuteSpent = { ...figures(5, 3_600_000), "x-minute-remaining": "0" };
    const { fetch, seen } = scriptedFetch(json({}, 429, minuteSpent), json({}));
    const error = await settle(limited(fetch).send(ops.get, "/x", undefined, undefined));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).rateLimit?.minuteRemaining).toBe(0);
    expect(seen).toHaveLength(1);
  });

  test.each<[string, (resetAt: Date) => Record<string, string>, (resetAt: Date) => string]>([
    [
      "the minute's budget",
      (at) => ({ ...figures(5, at.getTime() - Date.now()), "x-minute-remaining": "0" }),
      () => "The per-minute budget of 360 requests is spent; it refills within a minute.",
    ],
    [
      "the day's budget, with its reset",
      (at) => figures(0, at.getTime() - Date.now()),
      (at) => `The daily budget of 15000 requests is spent; it refills at ${at.toISOString()}.`,
    ],
    [
      "the day's budget, no reset sent",
      () => ({ "x-day-remaining": "0" }),
      () => "The daily budget is spent; it refills at a time the response does not name.",
    ],
  ])("a 429 names which budget is spent and when it refills: %s", async (_, headers, hint) => {
    const resetAt = new Date(Math.floor((Date.now() + 3_600_000) / 1000) * 1000);
    const { fetch } = scriptedFetch(new Response(null, { status: 429, headers: headers(resetAt) }));
    const transport = testTransport(fetch, {}, { rateLimits: rateLimiting(names) });
    const specHint = "The allowance of the minute or of the day is spent.";
    const operation = { ...ops.get, hints: { 429: specHint } };
    const error = (await settle(transport.send(operation, "/x", undefined, undefined))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.hint).toBe(hint(resetAt));
    expect(error.message).toBe(`getThing: GET https://api.test/x answered 429: ${hint(resetAt)}`);
  });

  test("a 429 whose figures show no spent budget keeps the spec's hint", async () => {
    const { fetch } = scriptedFetch(new Response(null, { status: 429, headers: figures(5, 3_600_000) }));
    const transport = testTransport(fetch, { maxRetries: 0 }, { rateLimits: rateLimiting(names) });
    const operation = { ...ops.get, hints: { 429: "The allowance of the minute or of the day is spent." } };
    const error = (await settle(transport.send(operation, "/x", undefined, undefined))) as RateLimitError;
    expect(error.message).toBe(
      "getThing: GET https://api.test/x answered 429: The allowance of the minute or of the day is spent.",
    );
  });

  test("a 429 that shows the minute's budget spent but names a Retry-After is retried then", async () => {
    const minuteSpent = { ...figures(5, 3_600_000), "x-minute-remaining": "0", "retry-after": "2" };
    const { fetch, seen } = scriptedFetch(json({}, 429, minuteSpent), json({ ok: 1 }));
    const { outcome, elapsed } = await withFakeTime(() => limited(fetch).send(ops.get, "/x", undefined, undefined));
    expect(outcome).toEqual({ ok: 1 });
    expect(seen).toHaveLength(2);
    expect(elapsed).toBe(2_000);
  });

  test("a 429 with budget left is retried after its Retry-After", async () => {
    const log = recordLog();
    const { fetch, seen } = scriptedFetch(
      json({}, 429, { ...figures(5, 3_600_000), "retry-after": "3" }),
      json({ ok: 1 }),
    );
    const transport = testTransport(fetch, { logger: log.logger }, { rateLimits: rateLimiting(names) });
    const { outcome, elapsed } = await withFakeTime(() => transport.send(ops.get, "/x", undefined, undefined));
    expect(outcome).toEqual({ ok: 1 });
    expect(seen).toHaveLength(2);
    expect(elapsed).toBe(3_000);
  });

  test("the client-side limiter holds the third of three calls until the minute has passed", async () => {
    const sentAt: number[] = [];
    const { fetch } = scriptedFetch(
      ...Array.from({ length: 5 }, () => () => {
        sentAt.push(Date.now());
        return json({});
      }),
    );
    const transport = limited(fetch, 2);
    const { elapsed } = await withFakeTime(async () => {
      const start = Date.now();
      await Promise.all(Array.from({ length: 5 }, () => transport.send(ops.get, "/x", undefined, undefined)));
      return sentAt.map((time) => time - start);
    }).then(({ outcome, elapsed }) => {
      expect(outcome).toEqual([0, 0, 60_000, 60_000, 120_000]);
      return { elapsed };
    });
    expect(elapsed).toBe(120_000);
  });

  test("a signal aborts a call waiting for the limiter; it never reaches fetch", async () => {
    const { fetch, seen } = scriptedFetch(json({}), json({}));
    const transport = limited(fetch, 1);
    const controller = new AbortController();
    const reason = new Error("stop waiting");
    const { outcome } = await withFakeTime(async () => {
      await transport.send(ops.get, "/x", undefined, undefined);
      setTimeout(() => controller.abort(reason), 5_000);
      return transport.send(ops.get, "/x", undefined, undefined, { signal: controller.signal });
    });
    expect(outcome).toBeInstanceOf(UserAbortError);
    expect((outcome as UserAbortError).cause).toBe(reason);
    expect(seen).toHaveLength(1);
  });
});

describe("minuteLimiter", () => {
  test("a sequential caller at 360 a minute, 50 ms a round trip, uses at least 95 % of the budget", async () => {
    vi.useFakeTimers();
    try {
      const acquire = minuteLimiter(360, 60_000);
      const start = Date.now();
      const sentAt: number[] = [];
      while (Date.now() - start < 3 * 60_000) {
        let release: (() => void) | undefined;
        void acquire().then((granted) => {
          release = granted;
        });
        while (!release) await vi.advanceTimersToNextTimerAsync();
        sentAt.push(Date.now() - start);
        await vi.advanceTimersByTimeAsync(50);
        release();
      }
      const inThreeMinutes = sentAt.filter((t) => t < 3 * 60_000).length;
      expect(inThreeMinutes / (3 * 360)).toBeGreaterThanOrEqual(0.95);
      // And never more than 360 in any 60 s.
      expect(Math.max(...sentAt.map((t) => sentAt.filter((u) => u >= t && u < t + 60_000).length))).toBe(360);
    } finally {
      vi.useRealTimers();
    }
  });

  test("a slot held by a call in flight is not handed out until that call ends", async () => {
    vi.useFakeTimers();
    try {
      const acquire = minuteLimiter(1, 1_000);
      const release = await acquire();
      let granted = false;
      const waiting = acquire().then((next) => {
        granted = true;
        return next;
      });
      await vi.advanceTimersByTimeAsync(5_000);
      expect(granted).toBe(false);
      release();
      await vi.advanceTimersByTimeAsync(999);
      expect(granted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      (await waiting)();
      expect(granted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  test("a sliding window: a slot frees exactly 60 s after the attempt that took it ended", async () => {
    vi.useFakeTimers();
    try {
      let now = 0;
      const acquire = minuteLimiter(3, 60_000, () => now);
      const granted: number[] = [];
      const take = () =>
        acquire().then((release) => {
          granted.push(now);
          release();
        });
      await Promise.all([take(), take()]);
      now = 30_000;
      await take();
      const waiting = take();
      now = 59_999;
      await vi.advanceTimersByTimeAsync(59_999);
      expect(granted).toEqual([0, 0, 30_000]);
      now = 60_000;
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(granted).toEqual([0, 0, 30_000, 60_000]);
    } finally {
      vi.useRealTimers();
    }
  });
});
