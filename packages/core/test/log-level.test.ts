import { type ClientOptions, type LogEvent, OptionError } from "@clientele/core/runtime";
import { ops, recordLog, SECRET, settle, testTransport, withFakeTime } from "@clientele/testkit/harness";
import { json, scriptedFetch } from "@clientele/testkit/scripted-fetch";
import { afterEach, describe, expect, test, vi } from "vitest";

/** A GET answered 503, retried, then 404: one event of every type (request, response, retry, error). */
async function eventsOf(options: Omit<ClientOptions, "fetch">): Promise<void> {
  const { fetch } = scriptedFetch(json({}, 503, { "retry-after": "0" }), json({ detail: SECRET }, 404));
  await withFakeTime(() =>
    testTransport(fetch, { maxRetries: 1, ...options }).send(ops.get, "/x", undefined, undefined),
  );
}

const types = (events: LogEvent[]) => events.map((event) => event.type);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("logLevel filters what the caller's logger gets", () => {
  test.each<[string, { given: ClientOptions["logLevel"]; want: LogEvent["type"][] }]>([
    ["unset: everything", { given: undefined, want: ["request", "response", "retry", "request", "response", "error"] }],
    ["debug: everything", { given: "debug", want: ["request", "response", "retry", "request", "response", "error"] }],
    ["info: retries and errors", { given: "info", want: ["retry", "error"] }],
    ["warn: errors", { given: "warn", want: ["error"] }],
    ["error: errors", { given: "error", want: ["error"] }],
    ["off: nothing", { given: "off", want: [] }],
  ])("%s", async (_, { given, want }) => {
    const log = recordLog();
    await eventsOf({ logger: log.logger, logLevel: given });
    expect(types(log.events)).toEqual(want);
  });
});

describe("the built-in console logger", () => {
  const spy = () => ({
    debug: vi.spyOn(console, "debug").mockImplementation(() => {}),
    info: vi.spyOn(console, "info").mockImplementation(() => {}),
    warn: vi.spyOn(console, "warn").mockImplementation(() => {}),
    error: vi.spyOn(console, "error").mockImplementation(() => {}),
  });
  const lines = (mock: { mock: { calls: unknown[][] } }) => mock.mock.calls.map((call) => call[0]);

  test("logLevel without a logger logs to the console, one redacted line per event on its level's method", async () => {
    const console = spy();
    await eventsOf({ logLevel: "debug" });
    expect(lines(console.debug)).toEqual([
      "[clientele] getThing: GET https://api.test/x (attempt 1)",
      "[clientele] getThing: GET https://api.test/x answered 503 in 0 ms",
      "[clientele] getThing: GET https://api.test/x (attempt 2)",
      "[clientele] getThing: GET https://api.test/x answered 404 in 0 ms",
    ]);
    expect(lines(console.info)).toEqual([
      "[clientele] retrying in 0 ms: getThing: GET https://api.test/x answered 503: {}",
    ]);
    expect(lines(console.error)).toEqual(["[clientele] getThing: GET https://api.test/x answered 404: [redacted]"]);
    expect(JSON.stringify(Object.values(console).map((mock) => mock.mock.calls))).not.toContain(SECRET);
  });

  test.each<[string, { env: string | undefined; logLevel?: ClientOptions["logLevel"]; want: number }]>([
    ["no option, no variable: silent", { env: undefined, want: 0 }],
    ["CLIENTELE_LOG=warn: errors only", { env: "warn", want: 1 }],
    ["CLIENTELE_LOG=debug: everything", { env: "debug", want: 6 }],
    ["logLevel wins over the variable", { env: "debug", logLevel: "off", want: 0 }],
  ])("%s", async (_, { env, logLevel, want }) => {
    if (env !== undefined) vi.stubEnv("CLIENTELE_LOG", env);
    const console = spy();
    await eventsOf(logLevel ? { logLevel } : {});
    expect(Object.values(console).reduce((sum, mock) => sum + mock.mock.calls.length, 0)).toBe(want);
  });

  test("a caller's logger is not overridden by the variable", async () => {
    vi.stubEnv("CLIENTELE_LOG", "off");
    const log = recordLog();
    await eventsOf({ logger: log.logger });
    expect(log.events).toHaveLength(6);
  });
});

describe("bad levels are named", () => {
  test("an unknown logLevel is an OptionError", () => {
    const { fetch } = scriptedFetch();
    expect(() => testTransport(fetch, { logLevel: "verbose" as never })).toThrow(
      new OptionError("createTestClient", "logLevel", 'must be one of "debug", "info", "warn", "error", "off"'),
    );
  });

  test("an unknown CLIENTELE_LOG is an OptionError naming the variable", async () => {
    vi.stubEnv("CLIENTELE_LOG", "loud");
    const { fetch } = scriptedFetch();
    const error = await settle(Promise.resolve().then(() => testTransport(fetch)));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).message).toBe(
      'createTestClient: environment variable CLIENTELE_LOG must be one of "debug", "info", "warn", "error", "off"',
    );
  });
});
