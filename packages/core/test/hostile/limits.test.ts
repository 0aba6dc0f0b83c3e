// Servers that push limits: huge bodies (declared, streamed, or a gzip bomb), odd Retry-After values, daily resets
// that are no timestamps in seconds, and a client-side rate limit judged where it matters, at the server.
import { gzipSync } from "node:zlib";
import {
  type FetchLike,
  type Operation,
  OptionError,
  RateLimitError,
  ResponseTooLargeError,
  rateLimiting,
} from "@clientele/core/runtime";
import { recordLog, settle, testTransport } from "@clientele/testkit/harness";
import { describe, expect, test } from "vitest";
import { createCycleSoftwareClient } from "../support/providers.js";
import { type Answer, endless, hostileServers, inTurn, reply } from "./support/server.js";

const serve = hostileServers();

const get: Operation = { id: "getThing", method: "GET", idempotent: true, json: true };
const MiB = 1024 * 1024;

describe("a body larger than maxResponseBytes", () => {
  test.each<[string, { given: { answer: Answer; limit: number; perCall?: number }; want: { maxWritten: number } }]>([
    [
      "declares 600 MB up front: refused before reading",
      {
        given: {
          answer: (_, response) => {
            response.writeHead(200, { "content-type": "application/json", "content-length": 600 * MiB });
            response.write("[");
          },
          limit: MiB,
        },
        want: { maxWritten: 1 },
      },
    ],
    [
      "streams 600 MB without a length: reading stops at the limit",
      { given: { answer: endless(600 * MiB), limit: MiB }, want: { maxWritten: 64 * MiB } },
    ],
    [
      "a gzip bomb: 1 MB on the wire, far more inflated",
      {
        given: {
          answer: (_, response) => {
            const bomb = gzipSync(Buffer.alloc(64 * MiB, " "));
            response.writeHead(200, {
              "content-type": "application/json",
              "content-encoding": "gzip",
              "content-length": bomb.length,
            });
            response.end(bomb);
          },
          limit: MiB,
        },
        want: { maxWritten: MiB },
      },
    ],
    [
      "the per-call limit is lower than the client's",
      {
        given: { answer: reply(200, { text: "x".repeat(4096) }), limit: 64 * MiB, perCall: 1024 },
        want: { maxWritten: 8192 },
      },
    ],
  ])("%s: a ResponseTooLargeError, not retried", async (_, { given, want }) => {
    const server = await serve(given.answer);
    const transport = testTransport(globalThis.fetch, {
      baseUrl: server.url,
      maxResponseBytes: given.limit,
      maxRetries: 2,
    });
    const limit = given.perCall ?? given.limit;
    const options = given.perCall === undefined ? {} : { maxResponseBytes: given.perCall };
    const error = await settle(transport.send(get, "/big", undefined, undefined, options));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ status: 200, operationId: "getThing" });
    expect((error as Error).message).toContain(`over the maxResponseBytes limit of ${limit} bytes`);
    expect(server.received).toHaveLength(1);
    expect(server.bytesWritten).toBeLessThanOrEqual(want.maxWritten);
  });

  test("a body at the limit is read (control row)", async () => {
    const body = JSON.stringify({ text: "x".repeat(1000) });
    const server = await serve(endless(body.length, Buffer.from(body)));
    const transport = testTransport(globalThis.fetch, { baseUrl: server.url, maxResponseBytes: body.length });
    expect(await transport.send(get, "/", undefined, undefined)).toEqual(JSON.parse(body));
  });

  test.each([-1, 1.5, "1000", null])(
    "maxResponseBytes %j is an OptionError, on the client and on a call",
    async (value) => {
      const server = await serve(reply(200, {}));
      expect(() => testTransport(globalThis.fetch, { baseUrl: server.url, maxResponseBytes: value as number })).toThrow(
        new OptionError("createTestClient", "maxResponseBytes", "must be a whole number from 0 to 2147483647"),
      );
      const transport = testTransport(globalThis.fetch, { baseUrl: server.url });
      const error = await settle(transport.send(get, "/", undefined, undefined, { maxResponseBytes: value as number }));
      expect(error).toEqual(
        new OptionError("getThing", "maxResponseBytes", "must be a whole number from 0 to 2147483647"),
      );
      expect(server.received).toHaveLength(0);
    },
  );
});

describe("Retry-After that is no delta-seconds nor HTTP-date falls back to the backoff", () => {
  test.each<[string, { given: string; want: { maxDelayMs: number } }]>([
    ["0x10 (Number() reads 16 s)", { given: "0x10", want: { maxDelayMs: 500 } }],
    ["1e3 (Number() reads 1000 s)", { given: "1e3", want: { maxDelayMs: 500 } }],
    ["-5", { given: "-5", want: { maxDelayMs: 500 } }],
    ["garbage", { given: "tomorrow-ish", want: { maxDelayMs: 500 } }],
    ["no HTTP-date, though Date.parse reads the year 2099", { given: "Fri 2099", want: { maxDelayMs: 500 } }],
    ["a date in the past means now", { given: "Wed, 21 Oct 2015 07:28:00 GMT", want: { maxDelayMs: 0 } }],
    ["1 (control row: a second, as asked)", { given: "1", want: { maxDelayMs: 1000 } }],
  ])("%s", async (_, { given, want }) => {
    const server = await serve(inTurn(reply(503, {}, { "retry-after": given }), reply(200, { ok: true })));
    const { events, logger } = recordLog();
    const transport = testTransport(globalThis.fetch, { baseUrl: server.url, logger });
    expect(await transport.send(get, "/", undefined, undefined)).toEqual({ ok: true });
    const delays = events.flatMap((e) => (e.type === "retry" ? [e.delayMs] : []));
    expect(delays).toHaveLength(1);
    // Never negative: a pause of -5 s would retry at once and look like a backoff.
    expect(delays[0]).toBeGreaterThanOrEqual(0);
    expect(delays[0]).toBeLessThanOrEqual(want.maxDelayMs);
    expect(server.received).toHaveLength(2);
  });
});

describe("a daily reset that is no Unix time in seconds is unknown: the client keeps sending", () => {
  const spent = (reset: string | undefined) =>
    reply(
      200,
      { customer_id: 1 },
      {
        "X-RateLimit-Daily-Limit": "15000",
        "X-RateLimit-Daily-Remaining": "0",
        ...(reset === undefined ? {} : { "X-RateLimit-Daily-Reset": reset }),
      },
    );
  const inAnHour = () => String(Math.floor(Date.now() / 1000) + 3600);
  test.each<[string, { given: () => string | undefined; want: { sent: number; reset: "unknown" | "known" } }]>([
    [
      "in milliseconds (the year 58890 read as seconds)",
      { given: () => String(Date.now() + 3_600_000), want: { sent: 2, reset: "unknown" } },
    ],
    ["missing", { given: () => undefined, want: { sent: 2, reset: "unknown" } }],
    ["garbage", { given: () => "midnight", want: { sent: 2, reset: "unknown" } }],
    ["fractional", { given: () => `${inAnHour()}.5`, want: { sent: 2, reset: "unknown" } }],
    ["in seconds, an hour ahead (control row: fails fast)", { given: inAnHour, want: { sent: 1, reset: "known" } }],
  ])("%s", async (_, { given, want }) => {
    const server = await serve(spent(given()));
    const cycle = createCycleSoftwareClient({ username: "u-name", password: "pw-123", baseUrl: server.url });
    await cycle.getCustomer(1);
    const second = await settle(cycle.getCustomer(1));
    expect(server.received).toHaveLength(want.sent);
    if (want.reset === "unknown") {
      expect(cycle.rateLimit?.dayReset).toBeUndefined();
      expect(second).toEqual({ customer_id: 1 });
    } else {
      expect(second).toBeInstanceOf(RateLimitError);
      expect(cycle.rateLimit?.dayReset?.getTime()).toBeLessThan(Date.now() + 3_700_000);
    }
  });

  test("a 429 then says otherwise: the caller gets the server's RateLimitError, not retried", async () => {
    const server = await serve(
      inTurn(
        spent("midnight"),
        reply(429, "", { "X-RateLimit-Daily-Remaining": "0", "X-RateLimit-Daily-Reset": "garbage" }),
      ),
    );
    const cycle = createCycleSoftwareClient({ username: "u-name", password: "pw-123", baseUrl: server.url });
    await cycle.getCustomer(1);
    const error = await settle(cycle.getCustomer(1));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers.get("x-ratelimit-daily-reset")).toBe("garbage");
    expect(server.received).toHaveLength(2);
  });
});

describe("an unknown daily reset does not disable the fail-fast", () => {
  test("a 429 that then names a readable reset: the next call is not sent", async () => {
    const inAnHour = String(Math.floor(Date.now() / 1000) + 3600);
    const daily = (reset: string) => ({ "X-RateLimit-Daily-Remaining": "0", "X-RateLimit-Daily-Reset": reset });
    const server = await serve(
      inTurn(reply(200, { customer_id: 1 }, daily("garbage")), reply(429, "", daily(inAnHour))),
    );
    const cycle = createCycleSoftwareClient({ username: "u-name", password: "pw-123", baseUrl: server.url });
    expect(await cycle.getCustomer(1)).toEqual({ customer_id: 1 });
    const refused = await settle(cycle.getCustomer(1));
    expect(refused).toBeInstanceOf(RateLimitError);
    expect((refused as RateLimitError).headers.get("x-ratelimit-daily-reset")).toBe(inAnHour);
    const notSent = await settle(cycle.getCustomer(1));
    expect(notSent).toBeInstanceOf(RateLimitError);
    expect((notSent as Error).message).toMatch(/^getCustomer: not sent: the daily request budget is spent until /);
    expect(server.received).toHaveLength(2);
  });
});

describe("requestsPerMinute holds at arrival", () => {
  test("30 concurrent calls at 10 per window, each delayed in transit: at most 10 arrive in any window", async () => {
    const WINDOW = 400;
    const LIMIT = 10;
    const arrivals: number[] = [];
    const server = await serve((request, response, self) => {
      arrivals.push(performance.now());
      reply(200, {})(request, response, self);
    });
    // Between the limiter's grant and the server: a queue, a slow proxy, a congested link.
    let call = 0;
    const transit: FetchLike = async (input, init) => {
      await new Promise((resolve) => setTimeout(resolve, [0, 150, 60, 220, 10][call++ % 5]));
      return globalThis.fetch(input, init);
    };
    const transport = testTransport(
      transit,
      { baseUrl: server.url },
      {
        rateLimits: rateLimiting({ dayRemaining: "x-day-remaining" }, LIMIT, WINDOW),
      },
    );
    await Promise.all(Array.from({ length: 30 }, () => transport.send(get, "/", undefined, undefined)));
    expect(arrivals).toHaveLength(30);
    const busiest = Math.max(
      ...arrivals.map((start) => arrivals.filter((t) => t >= start && t < start + WINDOW).length),
    );
    expect(busiest).toBeLessThanOrEqual(LIMIT);
  });
});
