import { ApiError, ConnectionError, type Operation, RateLimitError, TimeoutError } from "@clientele/core/runtime";
import { ops, recordLog, retryDelays, testTransport, withFakeTime } from "@clientele/testkit/harness";
import { abortableDelay, json, networkError, type Step, scriptedFetch } from "@clientele/testkit/scripted-fetch";
import { describe, expect, test } from "vitest";
import {
  backoffDelay,
  RETRY_AFTER_LIMIT_MS,
  RETRY_BASE_MS,
  RETRY_CAP_MS,
  retryAfterDelay,
} from "../src/retry-policy.js";

// Steps are functions so a step used twice answers with a fresh, unread body.
const ok = (): Step => () => json({ ok: true });
const failing =
  (status: number, headers: Record<string, string> = {}): Step =>
  () =>
    json({ error: status }, status, headers);
const hang: Step = async ({ signal }) => {
  await abortableDelay(60_000, signal);
  return json({ late: true });
};

/** Sends `operation` through a transport whose fetch plays `steps`; returns outcome, fetch count and delays. */
async function run(operation: Operation, steps: Step[], clientRetries?: number, callRetries?: number) {
  const { fetch, seen } = scriptedFetch(...steps);
  const log = recordLog();
  const transport = testTransport(fetch, { logger: log.logger, timeout: 1_000, maxRetries: clientRetries });
  const body = operation.method === "POST" || operation.method === "PUT" ? { name: "x" } : undefined;
  const { outcome, elapsed } = await withFakeTime(() =>
    transport.send(operation, "/things", undefined, body, { maxRetries: callRetries }),
  );
  return { outcome, attempts: seen.length, delays: retryDelays(log.events), elapsed };
}

describe("which failures are retried", () => {
  test.each<[string, Operation, Step, boolean]>([
    ["GET 500", ops.get, failing(500), true],
    ["GET 502", ops.get, failing(502), true],
    ["GET 503", ops.get, failing(503), true],
    ["GET 504", ops.get, failing(504), true],
    ["GET 408", ops.get, failing(408), true],
    ["GET 429", ops.get, failing(429), true],
    ["PUT 503", ops.put, failing(503), true],
    ["DELETE 503", ops.delete, failing(503), true],
    ["x-idempotent POST 503", ops.upsert, failing(503), true],
    ["x-idempotent POST 429", ops.upsert, failing(429), true],
    ["GET 400", ops.get, failing(400), false],
    ["GET 401", ops.get, failing(401), false],
    ["GET 403", ops.get, failing(403), false],
    ["GET 404", ops.get, failing(404), false],
    ["GET 409", ops.get, failing(409), false],
    ["GET 422", ops.get, failing(422), false],
    ["non-idempotent POST 500", ops.create, failing(500), false],
    ["non-idempotent POST 503", ops.create, failing(503), false],
    ["non-idempotent POST 429", ops.create, failing(429, { "retry-after": "0" }), false],
    ["non-idempotent POST 408", ops.create, failing(408), false],
    ["GET, connection reset", ops.get, networkError("ECONNRESET"), true],
    ["GET, a browser's bare TypeError", ops.get, new TypeError("Failed to fetch"), true],
    ["GET, timed out", ops.get, hang, true],
    ["x-idempotent POST, connection reset", ops.upsert, networkError("ECONNRESET"), true],
    // The request may have reached the server: sending it again could create a duplicate.
    ["non-idempotent POST, connection reset", ops.create, networkError("ECONNRESET"), false],
    ["non-idempotent POST, socket closed mid-exchange", ops.create, networkError("UND_ERR_SOCKET"), false],
    ["non-idempotent POST, a browser's bare TypeError", ops.create, new TypeError("Failed to fetch"), false],
    ["non-idempotent POST, timed out", ops.create, hang, false],
    // These prove no connection was made, so the server never saw the request.
    ["non-idempotent POST, connection refused", ops.create, networkError("ECONNREFUSED"), true],
    ["non-idempotent POST, DNS failure", ops.create, networkError("ENOTFOUND"), true],
    ["non-idempotent POST, DNS timeout", ops.create, networkError("EAI_AGAIN"), true],
    ["non-idempotent POST, host unreachable", ops.create, networkError("EHOSTUNREACH"), true],
    ["non-idempotent POST, TCP connect timeout", ops.create, networkError("UND_ERR_CONNECT_TIMEOUT"), true],
  ])("%s: retried %s", async (_, operation, failure, retried) => {
    const { outcome, attempts } = await run(operation, [failure, ok()]);
    if (retried) {
      expect(outcome).toEqual({ ok: true });
      expect(attempts).toBe(2);
    } else {
      expect(outcome).toBeInstanceOf(Error);
      expect(attempts).toBe(1);
    }
  });

  test.each<[string, Step, new (...args: never[]) => Error]>([
    ["503", failing(503), ApiError],
    ["connection reset", networkError("ECONNRESET"), ConnectionError],
    ["timeout", hang, TimeoutError],
  ])("a GET failing with %s every time makes 3 attempts (2 retries by default), then throws", async (_, step, kind) => {
    const { outcome, attempts, delays } = await run(ops.get, [step, step, step]);
    expect(outcome).toBeInstanceOf(kind);
    expect(attempts).toBe(3);
    expect(delays).toHaveLength(2);
  });
});

describe("maxRetries", () => {
  const always503 = Array.from({ length: 8 }, () => failing(503));
  test.each<[string, number | undefined, number | undefined, number]>([
    ["default", undefined, undefined, 3],
    ["client 0", 0, undefined, 1],
    ["client 5", 5, undefined, 6],
    ["per call 3 over client 0", 0, 3, 4],
    ["per call 0 over client 5", 5, 0, 1],
    ["per call 1 over default", undefined, 1, 2],
  ])("%s: %s/%s → %s attempts", async (_, client, call, expected) => {
    const { attempts, outcome } = await run(ops.get, always503, client, call);
    expect(attempts).toBe(expected);
    expect(outcome).toBeInstanceOf(ApiError);
  });
});

describe("backoff: exponential with full jitter, 0.5 s base, 8 s cap", () => {
  test("the constants are the documented ones", () => {
    expect([RETRY_BASE_MS, RETRY_CAP_MS, RETRY_AFTER_LIMIT_MS]).toEqual([500, 8_000, 60_000]);
  });

  test.each([
    [0, 0, 0],
    [0, 0.5, 250],
    [0, 0.999_999, 499],
    [1, 0.999_999, 999],
    [2, 0.999_999, 1_999],
    [3, 0.999_999, 3_999],
    [4, 0.999_999, 7_999],
    [5, 0.999_999, 7_999],
    [12, 0.999_999, 7_999],
    [5, 0.5, 4_000],
  ])("retry %i with random %f waits %i ms", (retry, random, expected) => {
    expect(backoffDelay(retry, () => random)).toBe(expected);
  });

  test("the delays a transport waits stay under each retry's ceiling, and the time really passes", async () => {
    const steps = Array.from({ length: 7 }, () => networkError("ECONNRESET"));
    const { delays, elapsed, attempts } = await run(ops.get, steps, 6);
    expect(attempts).toBe(7);
    delays.forEach((delay, retry) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** retry));
    });
    expect(elapsed).toBe(delays.reduce((sum, delay) => sum + delay, 0));
  });
});

describe("Retry-After wins over the backoff", () => {
  test.each<[string, (now: number) => string, number, number]>([
    ["seconds", () => "2", 2_000, 2_000],
    ["zero", () => "0", 0, 0],
    // An HTTP date has whole seconds, so the wait is at most the 3 s ahead it names and more than 2 s.
    ["an HTTP date 3 s ahead", (now) => new Date(now + 3_000).toUTCString(), 2_001, 3_000],
    ["an HTTP date in the past", (now) => new Date(now - 10_000).toUTCString(), 0, 0],
    ["the 60 s limit itself", () => "60", 60_000, 60_000],
  ])("Retry-After as %s", async (_, value, min, max) => {
    const step: Step = () => json({}, 429, { "retry-after": value(Date.now()) });
    const { outcome, delays, elapsed } = await run(ops.get, [step, ok()]);
    expect(outcome).toEqual({ ok: true });
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(min);
    expect(delays[0]).toBeLessThanOrEqual(max);
    expect(elapsed).toBe(delays[0]);
  });

  // Number() would read "0x10" as 16 s and "1e3" as 1000 s, Date.parse "1e3" as a date in the year 1000.
  test.each(["soon", "0x10", "1e3", "-5", "1.5", "+3", "3 s", "Infinity", "2015-10-21T07:28:10Z"])(
    "an unreadable Retry-After %j falls back to the backoff",
    async (value) => {
      const { outcome, delays } = await run(ops.get, [failing(503, { "retry-after": value }), ok()]);
      expect(outcome).toEqual({ ok: true });
      expect(delays[0]).toBeLessThan(RETRY_BASE_MS);
    },
  );

  test("a Retry-After beyond 60 s returns the error at once instead of stalling the call", async () => {
    const { outcome, attempts, elapsed } = await run(ops.get, [failing(429, { "retry-after": "120" }), ok()]);
    expect(outcome).toBeInstanceOf(RateLimitError);
    expect((outcome as RateLimitError).headers.get("retry-after")).toBe("120");
    expect(attempts).toBe(1);
    expect(elapsed).toBe(0);
  });

  test.each<[string, string | undefined, number | undefined]>([
    ["120", "120", 120_000],
    ["0", "0", 0],
    ["padded", " 7 ", 7_000],
    ["1.5 (delta-seconds are whole)", "1.5", undefined],
    ["-5", "-5", undefined],
    ["0x10", "0x10", undefined],
    ["1e3", "1e3", undefined],
    ["empty", "", undefined],
    ["absent", undefined, undefined],
    ["words", "in a while", undefined],
    ["an HTTP date", "Wed, 21 Oct 2015 07:28:10 GMT", 10_000],
    ["an RFC 850 date", "Wednesday, 21-Oct-15 07:28:10 GMT", 10_000],
    ["an asctime date (GMT)", "Wed Oct 21 07:28:10 2015", 10_000],
    ["a past date means now", "Wed, 21 Oct 2015 07:00:00 GMT", 0],
    ["an ISO date is no HTTP-date", "2015-10-21T07:28:10Z", undefined],
    // Date.parse reads each of these as a date; none is an HTTP-date.
    ["a day and a year (Date.parse: 2099)", "Fri 2099", undefined],
    ["a day and a number (Date.parse: 2001)", "Mon 5", undefined],
    ["a month, a day and a year", "Jan 1 3000", undefined],
    ["an HTTP date with trailing text", "Wed, 21 Oct 2015 07:28:10 GMT junk", undefined],
    ["an HTTP date in another zone", "Wed, 21 Oct 2015 09:28:10 +0200", undefined],
    ["an HTTP date in lower case", "wed, 21 oct 2015 07:28:10 gmt", undefined],
  ])("retryAfterDelay(%s)", (_, header, expected) => {
    const headers = new Headers(header === undefined ? {} : { "retry-after": header });
    expect(retryAfterDelay(headers, Date.UTC(2015, 9, 21, 7, 28, 0))).toBe(expected);
  });
});
