import { settle } from "@clientele/testkit/harness";
import { json, type Step, scriptedFetch } from "@clientele/testkit/scripted-fetch";
import { describe, expect, inject, test, vi } from "vitest";
import { createCycleSoftwareClient, OptionError, type RateLimit, RateLimitError } from "../src/index.js";

const credentials = { username: "Username", password: "Password" };

/** CycleSoftware's rate-limit headers as its transcripts print them. */
const limits = (dayRemaining: number, reset: number) => ({
  "X-RateLimit-Minutely-Limit": "360",
  "X-RateLimit-Minutely-Remaining": "59",
  "X-RateLimit-Daily-Limit": "15000",
  "X-RateLimit-Daily-Remaining": String(dayRemaining),
  "X-RateLimit-Daily-Reset": String(reset),
});
const inAnHour = () => Math.floor(Date.now() / 1000) + 3_600;

function client(steps: Step[], options: { requestsPerMinute?: number } = {}) {
  const { fetch, seen } = scriptedFetch(...steps);
  return {
    cycle: createCycleSoftwareClient({ ...credentials, baseUrl: "https://cycle.test", fetch, ...options }),
    seen,
  };
}

describe("CycleSoftware rate limits through the client", () => {
  const reset = inAnHour();
  const expected: RateLimit = {
    minuteLimit: 360,
    minuteRemaining: 59,
    dayLimit: 15_000,
    dayRemaining: 14_999,
    dayReset: new Date(reset * 1000),
  };
  const answer = () => json({}, 200, limits(14_999, reset));

  test.each<
    [
      string,
      (c: ReturnType<typeof createCycleSoftwareClient>) => {
        withResponse(): Promise<{ rateLimit: RateLimit | undefined }>;
      },
    ]
  >([
    ["createCustomer", (c) => c.createCustomer({ name: "x" })],
    ["findCustomers", (c) => c.findCustomers({ email: "a@b.test" })],
    ["listCustomers", (c) => c.listCustomers()],
    ["getCustomer", (c) => c.getCustomer(1006)],
    ["updateCustomer", (c) => c.updateCustomer(1006, { email: "a@b.test" })],
  ])("%s: withResponse().rateLimit and client.rateLimit carry the figures", async (_, call) => {
    const { cycle } = client([answer]);
    expect(cycle.rateLimit).toBeUndefined();
    const { rateLimit } = await call(cycle).withResponse();
    expect(rateLimit).toEqual(expected);
    expect(cycle.rateLimit).toEqual(expected);
  });

  test("an error carries the figures of its response", async () => {
    const { cycle } = client([() => json({ error: "not found" }, 404, limits(14_998, reset))]);
    const error = await settle(cycle.getCustomer(1));
    expect((error as RateLimitError).rateLimit).toMatchObject({ dayRemaining: 14_998 });
  });

  test("with the daily budget spent, the next call fails fast with a RateLimitError naming the reset", async () => {
    const spentUntil = inAnHour();
    const { cycle, seen } = client([() => json({}, 200, limits(0, spentUntil)), answer]);
    await cycle.getCustomer(1);
    const error = await settle(cycle.getCustomer(2));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).rateLimit?.dayReset).toEqual(new Date(spentUntil * 1000));
    expect((error as RateLimitError).message).toContain(new Date(spentUntil * 1000).toISOString());
    expect(seen).toHaveLength(1);
  });

  test("the Prism mock's documented headers come through as figures", async () => {
    const cycle = createCycleSoftwareClient({ ...credentials, baseUrl: inject("mockUrls").cyclesoftware });
    const { rateLimit, response } = await cycle.getCustomer(1006).withResponse();
    // Prism answers even an invalid request with the spec's example: only this header says the call was valid.
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(rateLimit).toMatchObject({ minuteLimit: expect.any(Number), dayLimit: expect.any(Number) });
  });
});

describe("requestsPerMinute: the client-side limiter", () => {
  test.each([0, -1, 1.5, Number.NaN, "60", null])("%s is an OptionError naming requestsPerMinute", (value) => {
    const error = (() => {
      try {
        createCycleSoftwareClient({ ...credentials, requestsPerMinute: value as number });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).option).toBe("requestsPerMinute");
    expect((error as OptionError).message).toBe(
      'createCycleSoftwareClient: option "requestsPerMinute" must be a whole number from 1 to 2147483647',
    );
  });

  test("with requestsPerMinute 360, the 361st call within a minute waits for the window to move", async () => {
    vi.useFakeTimers();
    try {
      const sentAt: number[] = [];
      const steps = Array.from({ length: 362 }, () => () => {
        sentAt.push(Date.now());
        return json({});
      });
      const { cycle } = client(steps, { requestsPerMinute: 360 });
      const start = Date.now();
      const calls = Promise.all(Array.from({ length: 362 }, (_, i) => cycle.getCustomer(i)));
      await vi.advanceTimersByTimeAsync(59_999);
      expect(sentAt).toHaveLength(360);
      await vi.advanceTimersByTimeAsync(1);
      await calls;
      expect(sentAt.slice(358).map((t) => t - start)).toEqual([0, 0, 60_000, 60_000]);
    } finally {
      vi.useRealTimers();
    }
  });
});
