import { OptionError } from "@clientele/core";
import { describe, expect, test, vi } from "vitest";

/** One bad construction and the option its error must name. */
export interface OptionCase {
  name: string;
  options: unknown;
  option: string;
  /** For a misspelt option: the option the error suggests instead. */
  meant?: string;
}

type Create = (options: any) => unknown;

export interface OptionSuite {
  /** The factory's name, as its errors quote it. */
  factory: string;
  create: Create;
  /** Every secret the cases pass; no error message or stack may contain any of them. */
  secrets: string[];
  /** The provider's own cases (the common options' are commonOptionSuite's). */
  cases: OptionCase[];
  /** The provider's own options at the limits of what they accept. */
  accepted?: [string, Record<string, unknown>][];
}

export interface CommonOptionSuite extends Omit<OptionSuite, "cases" | "accepted"> {
  /** Options that construct a client (without `fetch`: the suite injects its own). */
  valid: Record<string, unknown>;
}

/** A password in a `baseUrl`, which must not reach the message rejecting that URL. */
const URL_PASSWORD = "url-pa55word-never-shown";

/** The common options (every factory takes them), each broken the ways callers get them wrong. */
export function commonOptionCases(valid: Record<string, unknown>): OptionCase[] {
  const broken = (name: string, option: string, patch: Record<string, unknown>, meant?: string): OptionCase => ({
    name,
    option,
    options: { ...valid, ...patch },
    ...(meant ? { meant } : {}),
  });
  return [
    broken("baseUrl that is not a URL", "baseUrl", { baseUrl: "not a url" }),
    broken("baseUrl that is empty", "baseUrl", { baseUrl: "" }),
    broken("baseUrl that is relative", "baseUrl", { baseUrl: "/api" }),
    broken("baseUrl without a scheme", "baseUrl", { baseUrl: "127.0.0.1:4010" }),
    broken("baseUrl with a non-http scheme", "baseUrl", { baseUrl: "ftp://example.test" }),
    broken("baseUrl that is a number", "baseUrl", { baseUrl: 4010 }),
    broken("baseUrl with credentials", "baseUrl", { baseUrl: `https://user:${URL_PASSWORD}@example.test` }),
    broken("baseUrl with a query", "baseUrl", { baseUrl: "https://example.test/?key=1" }),
    broken("baseUrl with a fragment", "baseUrl", { baseUrl: "https://example.test/#top" }),
    broken("a typo: baseURL", "baseURL", { baseURL: "https://example.test" }, "baseUrl"),
    broken("a typo: retries", "retries", { retries: 3 }, "maxRetries"),
    broken("a typo: timeOut", "timeOut", { timeOut: 1000 }, "timeout"),
    broken("fetch that is a string", "fetch", { fetch: "fetch" }),
    broken("fetch that is an object", "fetch", { fetch: {} }),
    broken("fetch that is null", "fetch", { fetch: null }),
    broken("a negative timeout", "timeout", { timeout: -1 }),
    broken("a zero timeout", "timeout", { timeout: 0 }),
    broken("a fractional timeout", "timeout", { timeout: 1.5 }),
    broken("a timeout as a string", "timeout", { timeout: "1000" }),
    broken("a NaN timeout", "timeout", { timeout: Number.NaN }),
    broken("an infinite timeout", "timeout", { timeout: Number.POSITIVE_INFINITY }),
    // Beyond 2^31 - 1 ms a timer fires at once, so such a timeout would fail every call.
    broken("a timeout beyond what a timer holds", "timeout", { timeout: 2 ** 31 }),
    broken("a negative maxRetries", "maxRetries", { maxRetries: -1 }),
    broken("a fractional maxRetries", "maxRetries", { maxRetries: 2.5 }),
    broken("maxRetries as a string", "maxRetries", { maxRetries: "2" }),
    broken("an infinite maxRetries", "maxRetries", { maxRetries: Number.POSITIVE_INFINITY }),
    broken("headers that are a string", "headers", { headers: "x-trace: 1" }),
    broken("headers that are an array", "headers", { headers: [["x-trace", "1"]] }),
    broken("a header value that is a number", "headers.x-trace", { headers: { "x-trace": 1 } }),
    broken("a header value with a line break", "headers.x-trace", { headers: { "x-trace": "a\r\nx-evil: 1" } }),
    broken("logger that is not a function", "logger", { logger: "console" }),
  ];
}

/** Options that must be accepted: the limits of each common option. */
function acceptedCases(valid: Record<string, unknown>): [string, Record<string, unknown>][] {
  return [
    ["a baseUrl with a trailing slash", { ...valid, baseUrl: "http://127.0.0.1:4010/" }],
    ["a baseUrl with a path", { ...valid, baseUrl: "https://example.test/prefix" }],
    ["maxRetries 0", { ...valid, maxRetries: 0 }],
    ["a timeout of 1 ms", { ...valid, timeout: 1 }],
    ["empty headers", { ...valid, headers: {} }],
    ["a logger", { ...valid, logger: () => {} }],
  ];
}

function thrownBy(construct: () => unknown): unknown {
  try {
    construct();
  } catch (error) {
    return error;
  }
  return undefined;
}

function expectOptionError(factory: string, secrets: string[], { options, option, meant }: OptionCase, create: Create) {
  const error = thrownBy(() => create(options));
  expect(error).toBeInstanceOf(OptionError);
  const { message, stack } = error as OptionError;
  expect((error as OptionError).option).toBe(option);
  expect(message).toContain(`${factory}: option "${option}"`);
  if (meant) expect(message).toContain(`did you mean "${meant}"?`);
  for (const secret of [...secrets, URL_PASSWORD]) {
    expect(message).not.toContain(secret);
    expect(stack).not.toContain(secret);
  }
}

/**
 * A provider's own options: every bad construction throws an OptionError at once, naming the option and quoting no
 * secret; every good one constructs. The options every factory takes are checked for every registry provider
 * by `commonOptionSuite` (scripts/testkit/test/providers/options.test.ts).
 */
export function optionSuite({ factory, create, secrets, cases, accepted = [] }: OptionSuite) {
  describe(`${factory} options`, () => {
    test.each(cases)("$name: throws an OptionError naming $option", (row) => {
      expectOptionError(factory, secrets, row, create);
    });
    if (accepted.length > 0)
      test.each(accepted)("accepts %s", (_, options) => {
        expect(() => create(options)).not.toThrow();
      });
  });
}

/** The options every factory takes, broken and at their limits, from options that construct a client. */
export function commonOptionSuite({ factory, create, valid, secrets }: CommonOptionSuite) {
  describe(`${factory}: the common options`, () => {
    test.each(commonOptionCases(valid))("$name: throws an OptionError naming $option", (row) => {
      expectOptionError(factory, secrets, row, create);
    });

    test.each(acceptedCases(valid))("accepts %s", (_, options) => {
      expect(() => create(options)).not.toThrow();
    });

    test("a valid construction sends nothing", () => {
      const fetch = vi.fn<typeof globalThis.fetch>();
      create({ ...valid, fetch });
      expect(fetch).not.toHaveBeenCalled();
    });
  });
}
