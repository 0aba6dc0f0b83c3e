import {
  type ClientOptions,
  createTransport,
  type FetchLike,
  jsonBody,
  type LogEvent,
  type Operation,
  queryString,
  type RequestOptions,
  send,
  type TransportSetup,
} from "@clientele/core/runtime";
import { vi } from "vitest";

/** The credential every test transport sends; it must never surface in an error or a log line. */
export const SECRET = "s3cret-token-0123456789";

/** One operation of each kind the retry rules tell apart. */
export const ops = {
  get: { id: "getThing", method: "GET", idempotent: true },
  put: { id: "replaceThing", method: "PUT", idempotent: true },
  delete: { id: "deleteThing", method: "DELETE", idempotent: true },
  upsert: { id: "upsertThing", method: "POST", idempotent: true },
  create: { id: "createThing", method: "POST", idempotent: false },
} satisfies Record<string, Operation>;

/** A transport on `https://api.test` with a bearer credential and `ssn` as the sensitive body field. */
export function testTransport(
  fetch: FetchLike,
  options: Omit<ClientOptions, "fetch"> = {},
  setup: Partial<TransportSetup<undefined>> = {},
) {
  const transport = createTransport<undefined>({
    factory: "createTestClient",
    options: { baseUrl: "https://api.test", fetch, ...options },
    defaultBaseUrl: "https://unused.test",
    authHeaders: { Authorization: `Bearer ${SECRET}` },
    secrets: [SECRET],
    sensitiveKeys: ["ssn"],
    ...setup,
  });
  /** A call as a generated function makes it, from the path, query and body a test names. */
  const sendCall = <T>(
    operation: Operation,
    path: string | (() => string),
    query: object | undefined,
    body: unknown,
    callOptions?: RequestOptions & { extraBody?: object },
  ) =>
    send<T>(
      transport,
      operation,
      query === undefined ? path : () => (typeof path === "string" ? path : path()) + queryString(query, operation),
      callOptions,
      operation.body || body !== undefined ? jsonBody : undefined,
      body,
    );
  return Object.assign(transport, { send: sendCall });
}

/** The settled value or the thrown error, so a test can assert on either without try/catch. */
export function settle<T>(promise: Promise<T>): Promise<T | unknown> {
  return promise.then(
    (value) => value,
    (error: unknown) => error,
  );
}

/** A logger that keeps every event. */
export function recordLog() {
  const events: LogEvent[] = [];
  return { events, logger: (event: LogEvent) => void events.push(event) };
}

/**
 * Runs `call` under fake timers, letting every backoff and timeout elapse at once: retry rules are tested without
 * waiting for real delays. Returns the outcome and how much fake time passed.
 */
export async function withFakeTime<T>(call: () => Promise<T>): Promise<{ outcome: T | unknown; elapsed: number }> {
  vi.useFakeTimers();
  try {
    const start = Date.now();
    const pending = settle(call());
    await vi.runAllTimersAsync();
    const outcome = await pending;
    return { outcome, elapsed: Date.now() - start };
  } finally {
    vi.useRealTimers();
  }
}

/** The delays the transport announced before each retry. */
export function retryDelays(events: LogEvent[]): number[] {
  return events.flatMap((event) => (event.type === "retry" ? [event.delayMs] : []));
}
