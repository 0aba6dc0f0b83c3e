import { ClienteleError, ConnectionError, OptionError, TimeoutError, UserAbortError } from "@clientele/core/runtime";
import { ops, recordLog, settle, testTransport, withFakeTime } from "@clientele/testkit/harness";
import { abortableDelay, json, type Step, scriptedFetch, slowBody } from "@clientele/testkit/scripted-fetch";
import { describe, expect, test } from "vitest";

/** Headers that arrive after `ms`. */
const slowHeaders =
  (ms: number): Step =>
  async ({ signal }) => {
    await abortableDelay(ms, signal);
    return json({ ok: true });
  };
const bodyTaking =
  (ms: number): Step =>
  ({ signal }) =>
    slowBody(ms, signal);

describe("timeout per attempt, covering headers and body", () => {
  test.each<[string, Step, number | undefined, number | undefined, boolean]>([
    ["headers after 2 s, timeout 1 s", slowHeaders(2_000), 1_000, undefined, false],
    ["headers after 500 ms, timeout 1 s", slowHeaders(500), 1_000, undefined, true],
    ["body done after 2 s, timeout 1 s", bodyTaking(2_000), 1_000, undefined, false],
    ["body done after 500 ms, timeout 1 s", bodyTaking(500), 1_000, undefined, true],
    ["headers after 31 s, default timeout", slowHeaders(31_000), undefined, undefined, false],
    ["headers after 29 s, default timeout", slowHeaders(29_000), undefined, undefined, true],
    ["body after 200 ms, per-call timeout 100 ms over client 30 s", bodyTaking(200), 30_000, 100, false],
    ["headers after 5 s, per-call timeout 10 s over client 1 s", slowHeaders(5_000), 1_000, 10_000, true],
  ])("%s", async (_, step, clientTimeout, callTimeout, succeeds) => {
    const { fetch, seen } = scriptedFetch(step);
    const transport = testTransport(fetch, { timeout: clientTimeout, maxRetries: 0 });
    const { outcome, elapsed } = await withFakeTime(() =>
      transport.send(ops.get, "/slow", undefined, undefined, { timeout: callTimeout }),
    );
    expect(seen).toHaveLength(1);
    if (succeeds) {
      expect(outcome).toEqual({ ok: true });
    } else {
      const timeout = callTimeout ?? clientTimeout ?? 30_000;
      expect(outcome).toBeInstanceOf(TimeoutError);
      expect(outcome).toBeInstanceOf(ConnectionError);
      expect((outcome as TimeoutError).message).toBe(
        `getThing: GET https://api.test/slow timed out after ${timeout} ms`,
      );
      expect(elapsed).toBe(timeout);
    }
  });

  test("each attempt gets the full timeout again", async () => {
    const { fetch, seen } = scriptedFetch(slowHeaders(5_000), bodyTaking(5_000), slowHeaders(10));
    const log = recordLog();
    const transport = testTransport(fetch, { timeout: 1_000, logger: log.logger });
    const { outcome, elapsed } = await withFakeTime(() => transport.send(ops.get, "/slow", undefined, undefined));
    expect(outcome).toEqual({ ok: true });
    expect(seen).toHaveLength(3);
    const waited = log.events.flatMap((e) => (e.type === "retry" ? [e.delayMs] : []));
    expect(waited).toHaveLength(2);
    expect(elapsed).toBe(1_000 + 1_000 + 10 + waited.reduce((sum, delay) => sum + delay, 0));
  });

  test.each([
    ["timeout", { timeout: 0 }],
    ["timeout", { timeout: -5 }],
    ["timeout", { timeout: 2 ** 31 }],
    ["timeout", { timeout: Number.NaN }],
    ["maxRetries", { maxRetries: -1 }],
    ["maxRetries", { maxRetries: 1.5 }],
    ["maxRetries", { maxRetries: Number.POSITIVE_INFINITY }],
  ])("a bad per-call %s is an OptionError naming the operation and option; nothing is sent", async (option, bad) => {
    const { fetch, seen } = scriptedFetch();
    const error = await settle(testTransport(fetch).send(ops.get, "/x", undefined, undefined, bad));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).option).toBe(option);
    expect((error as OptionError).message).toMatch(new RegExp(`^getThing: option "${option}" must be a whole number`));
    expect(seen).toHaveLength(0);
  });
});

describe("a caller's signal", () => {
  const reason = new Error("the caller gave up");

  /** The client's abort error, naming the call, with the signal's reason as its cause. */
  function expectAborted(outcome: unknown, method = "GET", operationId = "getThing", cause: unknown = reason) {
    expect(outcome).toBeInstanceOf(UserAbortError);
    expect(outcome).toBeInstanceOf(ClienteleError);
    expect(outcome).not.toBeInstanceOf(TimeoutError);
    expect(outcome).toMatchObject({
      name: "UserAbortError",
      operationId,
      method,
      cause,
    });
    // The caller's reason is theirs, so the message says it after the call it ended.
    const why = `: ${((outcome as Error).cause as Error).message}`;
    expect((outcome as Error).message).toBe(
      `${operationId}: ${method} https://api.test/x was aborted by its signal${why}`,
    );
  }

  test("already aborted: nothing is sent and the call rejects with a UserAbortError caused by the signal's reason", async () => {
    const { fetch, seen } = scriptedFetch(() => json({}));
    const controller = new AbortController();
    controller.abort(reason);
    const outcome = await settle(
      testTransport(fetch).send(ops.get, "/x", undefined, undefined, { signal: controller.signal }),
    );
    expectAborted(outcome);
    expect(seen).toHaveLength(0);
  });

  test.each<[string, Step, number]>([
    ["while waiting for headers", slowHeaders(5_000), 100],
    ["while reading the body", bodyTaking(5_000), 100],
  ])("aborted %s: the call rejects with a UserAbortError and is not retried", async (_, step, abortAfter) => {
    const { fetch, seen } = scriptedFetch(step, () => json({ retried: true }));
    const controller = new AbortController();
    const transport = testTransport(fetch, { timeout: 1_000 });
    const { outcome, elapsed } = await withFakeTime(() => {
      setTimeout(() => controller.abort(reason), abortAfter);
      return transport.send(ops.upsert, "/x", undefined, { a: 1 }, { signal: controller.signal });
    });
    expectAborted(outcome, "POST", "upsertThing");
    expect(seen).toHaveLength(1);
    expect(elapsed).toBe(abortAfter);
  });

  test("aborted during the backoff before a retry: no further attempt", async () => {
    const { fetch, seen } = scriptedFetch(
      () => json({}, 503, { "retry-after": "5" }),
      () => json({ retried: true }),
    );
    const controller = new AbortController();
    const { outcome, elapsed } = await withFakeTime(() => {
      setTimeout(() => controller.abort(reason), 1_000);
      return testTransport(fetch).send(ops.get, "/x", undefined, undefined, { signal: controller.signal });
    });
    expectAborted(outcome);
    expect(seen).toHaveLength(1);
    expect(elapsed).toBe(1_000);
  });

  test("a caller's AbortSignal.timeout() is a UserAbortError, never the client's own TimeoutError", async () => {
    // Real time: AbortSignal.timeout runs on a timer fake timers do not replace. The headers never come.
    const { fetch } = scriptedFetch(slowHeaders(2_147_483_647));
    const outcome = await settle(
      testTransport(fetch).send(ops.get, "/x", undefined, undefined, { signal: AbortSignal.timeout(20) }),
    );
    expectAborted(outcome, "GET", "getThing", expect.objectContaining({ name: "TimeoutError" }));
    expect((outcome as UserAbortError).cause).toBeInstanceOf(DOMException);
  });

  test("the signal fetch sees aborts when the caller's does, and the listener is removed afterwards", async () => {
    const { fetch, seen } = scriptedFetch(() => json({ ok: true }));
    const controller = new AbortController();
    let listeners = 0;
    const { signal } = controller;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => {
      listeners++;
      add(...args);
    }) as typeof add;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      listeners--;
      remove(...args);
    }) as typeof remove;
    await testTransport(fetch).send(ops.get, "/x", undefined, undefined, { signal });
    expect(seen[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(seen[0]?.signal).not.toBe(signal);
    expect(listeners).toBe(0);
  });
});
