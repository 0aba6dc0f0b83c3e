import { describe, expect, test } from "vitest";
import {
  budgetSpentUntil,
  type Outcome,
  RETRY_AFTER_LIMIT_MS,
  RETRY_BASE_MS,
  RETRY_CAP_MS,
  type RetryDecision,
  type RetryPolicy,
  retryDecision,
} from "../src/retry-policy.js";
import type { RateLimit } from "../src/types.js";

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
/** Jitter pinned to half the ceiling, so a backoff is a known number. */
const half = () => 0.5;
const idempotent: RetryPolicy = { idempotent: true, maxRetries: 2, random: half, now: NOW };
const notIdempotent: RetryPolicy = { ...idempotent, idempotent: false };

const answer = (
  status: number,
  headers: Record<string, string> = {},
  figures: { rateLimit?: RateLimit } = {},
): Outcome => ({
  status,
  headers: new Headers(headers),
  ...figures,
});
/** A failed connection, with the error codes found down its cause chain (undici nests the system error). */
const networkError = (...codes: string[]): Outcome => ({ error: "network", codes });

/** Half of min(cap, base · 2^attempt): the backoff with `half` as the jitter. */
const backoff = (attempt: number) => Math.floor(0.5 * Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** attempt));

type Row = [string, { given: { outcome: Outcome; attempt?: number; policy?: RetryPolicy }; want: RetryDecision }];

const rows: Row[] = [
  // Statuses
  ["500 on an idempotent call: backoff", { given: { outcome: answer(500) }, want: backoff(0) }],
  ["502, second retry: a longer backoff", { given: { outcome: answer(502), attempt: 1 }, want: backoff(1) }],
  ["503", { given: { outcome: answer(503) }, want: backoff(0) }],
  ["408", { given: { outcome: answer(408) }, want: backoff(0) }],
  ["429 without figures", { given: { outcome: answer(429) }, want: backoff(0) }],
  ["400 is final", { given: { outcome: answer(400) }, want: "stop" }],
  ["401 is final", { given: { outcome: answer(401) }, want: "stop" }],
  ["403 is final", { given: { outcome: answer(403) }, want: "stop" }],
  ["404 is final", { given: { outcome: answer(404) }, want: "stop" }],
  ["409 is final", { given: { outcome: answer(409) }, want: "stop" }],
  ["422 is final", { given: { outcome: answer(422) }, want: "stop" }],
  ["500 on a non-idempotent call", { given: { outcome: answer(500), policy: notIdempotent }, want: "stop" }],
  [
    "429 with Retry-After on a non-idempotent call",
    { given: { outcome: answer(429, { "retry-after": "0" }), policy: notIdempotent }, want: "stop" },
  ],
  // Retry-After
  ["Retry-After seconds win over the backoff", { given: { outcome: answer(503, { "retry-after": "2" }) }, want: 2000 }],
  ["Retry-After 0", { given: { outcome: answer(429, { "retry-after": "0" }) }, want: 0 }],
  [
    "Retry-After as an HTTP date 3 s ahead",
    { given: { outcome: answer(503, { "retry-after": new Date(NOW + 3000).toUTCString() }) }, want: 3000 },
  ],
  [
    "Retry-After as an HTTP date in the past: now",
    { given: { outcome: answer(503, { "retry-after": new Date(NOW - 10_000).toUTCString() }) }, want: 0 },
  ],
  ["Retry-After at the limit", { given: { outcome: answer(503, { "retry-after": "60" }) }, want: 60_000 }],
  [
    "Retry-After beyond the limit: the error, not a stalled call",
    { given: { outcome: answer(503, { "retry-after": String(RETRY_AFTER_LIMIT_MS / 1000 + 1) }) }, want: "stop" },
  ],
  [
    "an unreadable Retry-After falls back to the backoff",
    { given: { outcome: answer(503, { "retry-after": "0x10" }) }, want: backoff(0) },
  ],
  // Rate-limit figures
  [
    "daily budget spent: no retry, whatever Retry-After says",
    { given: { outcome: answer(429, { "retry-after": "1" }, { rateLimit: { dayRemaining: 0 } }) }, want: "stop" },
  ],
  [
    "daily budget spent on a 503",
    { given: { outcome: answer(503, {}, { rateLimit: { dayRemaining: 0 } }) }, want: "stop" },
  ],
  [
    "429, minute budget spent, no Retry-After",
    { given: { outcome: answer(429, {}, { rateLimit: { minuteRemaining: 0 } }) }, want: "stop" },
  ],
  [
    "429, minute budget spent, Retry-After given",
    { given: { outcome: answer(429, { "retry-after": "1" }, { rateLimit: { minuteRemaining: 0 } }) }, want: 1000 },
  ],
  [
    "503 with the minute budget spent: only a 429 reads it",
    { given: { outcome: answer(503, {}, { rateLimit: { minuteRemaining: 0 } }) }, want: backoff(0) },
  ],
  [
    "429 with budget left",
    { given: { outcome: answer(429, {}, { rateLimit: { minuteRemaining: 3, dayRemaining: 10 } }) }, want: backoff(0) },
  ],
  // No answer
  ["timeout on an idempotent call", { given: { outcome: { error: "timeout" } }, want: backoff(0) }],
  [
    "timeout on a non-idempotent call",
    { given: { outcome: { error: "timeout" }, policy: notIdempotent }, want: "stop" },
  ],
  ["connection reset, idempotent", { given: { outcome: networkError("ECONNRESET") }, want: backoff(0) }],
  [
    "connection reset, non-idempotent: the request may have arrived",
    { given: { outcome: networkError("ECONNRESET"), policy: notIdempotent }, want: "stop" },
  ],
  [
    "a browser's bare TypeError, non-idempotent",
    {
      given: { outcome: { error: "network", codes: [] }, policy: notIdempotent },
      want: "stop",
    },
  ],
  ...["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"].map(
    (code): Row => [
      `${code}, non-idempotent: never reached a server`,
      { given: { outcome: networkError("UND_ERR_SOCKET", code), policy: notIdempotent }, want: backoff(0) },
    ],
  ),
  // Bodies
  ["a 2xx body cut off, idempotent", { given: { outcome: { error: "unparseable" } }, want: backoff(0) }],
  [
    "a 2xx body cut off, non-idempotent",
    { given: { outcome: { error: "unparseable" }, policy: notIdempotent }, want: "stop" },
  ],
  ["a final answer (body over the limit, refused redirect)", { given: { outcome: { error: "final" } }, want: "stop" }],
  // The retry budget
  ["retries used up", { given: { outcome: answer(503), attempt: 2 }, want: "stop" }],
  [
    "retries used up, even with a short Retry-After",
    { given: { outcome: answer(503, { "retry-after": "0" }), attempt: 2 }, want: "stop" },
  ],
  [
    "maxRetries 0",
    { given: { outcome: { error: "timeout" }, policy: { ...idempotent, maxRetries: 0 } }, want: "stop" },
  ],
  [
    "the backoff ceiling stops at the cap",
    { given: { outcome: answer(503), attempt: 9, policy: { ...idempotent, maxRetries: 10 } }, want: RETRY_CAP_MS / 2 },
  ],
];

describe("retryDecision: (outcome, attempt, policy) → delay or stop", () => {
  test.each(rows)("%s", (_, { given, want }) => {
    expect(retryDecision(given.outcome, given.attempt ?? 0, given.policy ?? idempotent)).toBe(want);
  });

  test("full jitter: the delay spans [0, ceiling)", () => {
    const low = retryDecision(answer(503), 1, { ...idempotent, random: () => 0 });
    const high = retryDecision(answer(503), 1, { ...idempotent, random: () => 0.999_999 });
    expect([low, high]).toEqual([0, RETRY_BASE_MS * 2 - 1]);
  });
});

describe("budgetSpentUntil: whether a call may be sent at all", () => {
  const reset = new Date(NOW + 3_600_000);
  test.each<[string, { given: Parameters<typeof budgetSpentUntil>[0]; want: Date | undefined }]>([
    ["no figures", { given: undefined, want: undefined }],
    ["budget left", { given: { dayRemaining: 5, dayReset: reset }, want: undefined }],
    ["spent, reset ahead", { given: { dayRemaining: 0, dayReset: reset }, want: reset }],
    ["spent, reset passed", { given: { dayRemaining: 0, dayReset: new Date(NOW - 1) }, want: undefined }],
    ["spent, no reset known: never locks the client out", { given: { dayRemaining: 0 }, want: undefined }],
  ])("%s", (_, { given, want }) => {
    expect(budgetSpentUntil(given, NOW)).toEqual(want);
  });
});
