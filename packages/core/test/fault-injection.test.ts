import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  ConflictError,
  ConnectionError,
  InternalServerError,
  type LogEvent,
  RateLimitError,
  TimeoutError,
} from "@clientele/core/runtime";
import { type Fault, freePort, type Received, startFaultServer } from "@clientele/testkit/fault-server";
import { recordLog, settle } from "@clientele/testkit/harness";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import { RETRY_BASE_MS, RETRY_CAP_MS } from "../src/retry-policy.js";
import { createCubitClient, createCycleSoftwareClient, createOnlinewerkroosterClient } from "./support/providers.js";

// Small on purpose, so the suite stays fast: a slow answer takes SLOW ms, the client gives up after TIMEOUT ms.
const TIMEOUT = 300;
const SLOW = 1_000;
// Timers and loopback I/O are not exact: bounds get this much room, lower bounds a little.
const SLACK = 3_000;
const EARLY = 15;

const ok: Fault = { reply: 200, json: {} };
const ceiling = (retry: number) => Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** retry);

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** What the report quotes: attempts and delays as the server and the client's logger saw them. */
const figures: Record<string, unknown> = {};
afterAll(() => {
  const file = join(dirname(fileURLToPath(import.meta.url)), "../../../.artifacts/fault-injection.json");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
});

async function serve(route: (request: Received) => Fault, port?: number) {
  const server = await startFaultServer(route, port);
  servers.push(server);
  return server;
}

/** Per key: the faults its first attempts meet (undefined after them). Counts attempts as the server sees them. */
function faultPlan(plan: Record<string, (() => Fault)[]>, keyOf: (request: Received) => string) {
  const attempts = new Map<string, Received[]>();
  const route = (request: Received): Fault | undefined => {
    const key = keyOf(request);
    const seen = attempts.get(key) ?? [];
    seen.push(request);
    attempts.set(key, seen);
    return plan[key]?.[seen.length - 1]?.();
  };
  return { route, attempts };
}

/** Gaps between the end of one attempt and the arrival of the next, per key, in whole ms. */
function gaps(attempts: Map<string, Received[]>) {
  return Object.fromEntries(
    [...attempts].map(([key, list]) => [
      key,
      list.slice(1).map((request, i) => Math.round(request.arrivedAt - (list[i]?.endedAt ?? request.arrivedAt))),
    ]),
  );
}

/** Client options for `baseUrl` with the suite's short timeout and a logger that keeps every event. */
function observed(baseUrl: string) {
  const { events, logger } = recordLog();
  return { events, options: { baseUrl, timeout: TIMEOUT, logger } };
}

const retries = (events: LogEvent[]) =>
  events.flatMap((e) => (e.type === "retry" ? [{ attempt: e.attempt, delayMs: e.delayMs, why: e.message }] : []));

describe("fault injection against a real HTTP server on 127.0.0.1", () => {
  test("a batch of Cubit upserts (idempotent POST) completes through resets, 429s, 503 bursts and slow answers", async () => {
    const inAMoment = () => new Date(Date.now() + 1_000).toUTCString();
    const plan: Record<string, (() => Fault)[]> = {
      "1002": [() => ({ reset: true })],
      "1003": [() => ({ reply: 429, json: { error: "slow down" }, headers: { "retry-after": "1" } })],
      "1004": [() => ({ reply: 503, json: {} }), () => ({ reply: 503, json: {} })],
      "1005": [() => ({ delay: SLOW, answer: ok })],
      "1006": [() => ({ slowBody: SLOW, json: { ok: true } })],
      "1007": [() => ({ reply: 502, html: "<html><body><h1>502 Bad Gateway</h1></body></html>" })],
      "1008": [() => ({ reply: 503, json: { error: "maintenance" }, headers: { "retry-after": inAMoment() } })],
      "1009": [() => ({ reset: true }), () => ({ reset: true })],
    };
    const stored = new Map<string, unknown>();
    const { route, attempts } = faultPlan(plan, (request) => JSON.parse(request.body).Number);
    const server = await serve((request) => {
      const fault = route(request);
      if (fault) return fault;
      stored.set(JSON.parse(request.body).Number, JSON.parse(request.body));
      return ok;
    });
    const { events, options } = observed(server.url);
    const cubit = createCubitClient({ apiKey: "cubit-test-key", environment: "test", ...options });
    const numbers = Array.from({ length: 12 }, (_, i) => String(1001 + i));

    const started = performance.now();
    const results = await Promise.allSettled(
      numbers.map((n) => cubit.upsertCustomer({ Number: n, FirstName: `F${n}` })),
    );
    const elapsed = performance.now() - started;

    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(Object.fromEntries(stored)).toEqual(
      Object.fromEntries(numbers.map((n) => [n, { Number: n, FirstName: `F${n}` }])),
    );
    const counts = Object.fromEntries([...attempts].map(([key, list]) => [key, list.length]));
    expect(counts).toEqual(Object.fromEntries(numbers.map((n) => [n, 1 + (plan[n]?.length ?? 0)])));

    const announced = retries(events);
    expect(announced).toHaveLength(10);
    for (const { attempt, delayMs, why } of announced) {
      // Retry-After wins: exactly 1 s where it says "1", up to 1 s where it names a date a second ahead.
      if (why.includes("slow down")) expect(delayMs).toBe(1_000);
      else if (why.includes("maintenance")) expect(delayMs).toBeLessThanOrEqual(1_000);
      else expect(delayMs).toBeLessThan(ceiling(attempt));
    }
    const measured = gaps(attempts);
    // The server saw the 429's retry no sooner than Retry-After said.
    expect(measured["1003"]?.[0]).toBeGreaterThanOrEqual(1_000 - EARLY);
    // The whole batch ran in parallel: bounded by its slowest item's timeouts, backoff ceilings and Retry-After.
    const bound = Math.max(1_000, ceiling(0) + ceiling(1), TIMEOUT + ceiling(0)) + SLACK;
    expect(elapsed).toBeGreaterThanOrEqual(1_000 - EARLY);
    expect(elapsed).toBeLessThan(bound);

    figures.cubitBatch = {
      upserts: numbers.length,
      elapsedMs: Math.round(elapsed),
      boundMs: bound,
      attempts: counts,
      retriesAnnounced: announced,
      gapsMs: measured,
    };
  });

  test("a full paginated CycleSoftware listing completes through faults; then the spent daily budget fails fast", async () => {
    const total = 2_000;
    const pageSize = 100;
    const resetAt = Math.floor(Date.now() / 1000) + 3_600;
    let remaining = 15_000;
    const page = (offset: number): Fault => {
      const end = Math.min(offset + pageSize, total);
      remaining = end === total ? 0 : remaining - 1;
      return {
        reply: 200,
        json: {
          error: false,
          error_message: null,
          customers: Array.from({ length: end - offset }, (_, i) => ({ customer_id: offset + i + 1 })),
          pagination: { count: end - offset, next_offset: end < total ? end : null },
        },
        headers: {
          "X-RateLimit-Minutely-Limit": "360",
          "X-RateLimit-Minutely-Remaining": "300",
          "X-RateLimit-Daily-Limit": "15000",
          "X-RateLimit-Daily-Remaining": String(remaining),
          "X-RateLimit-Daily-Reset": String(resetAt),
        },
      };
    };
    const plan: Record<string, (() => Fault)[]> = {
      "0": [() => ({ reply: 502, html: "<html><h1>502 Bad Gateway</h1></html>" })],
      "300": [() => ({ reply: 503, json: {} }), () => ({ reply: 503, json: {} })],
      "700": [() => ({ reset: true })],
      "1100": [() => ({ reply: 429, json: {}, headers: { "retry-after": "0" } })],
      "1500": [() => ({ slowBody: SLOW, json: { customers: [] } })],
      "1800": [() => ({ delay: SLOW, answer: page(1_800) })],
    };
    const offsetOf = (request: Received) => request.url.searchParams.get("offset") ?? "0";
    const { route, attempts } = faultPlan(plan, offsetOf);
    const server = await serve((request) => route(request) ?? page(Number(offsetOf(request))));
    const { events, options } = observed(server.url);
    const cycle = createCycleSoftwareClient({ username: "cycle-user", password: "cycle-password", ...options });

    const started = performance.now();
    const ids: number[] = [];
    for await (const customer of cycle.listCustomers({ modified_since: "2023-01-12 12:30:00" })) {
      ids.push(customer.customer_id as number);
    }
    const elapsed = performance.now() - started;

    expect(ids).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const counts = Object.fromEntries([...attempts].map(([key, list]) => [key, list.length]));
    expect(counts).toEqual(
      Object.fromEntries(
        Array.from({ length: total / pageSize }, (_, i) => [
          String(i * pageSize),
          1 + (plan[String(i * pageSize)]?.length ?? 0),
        ]),
      ),
    );
    for (const list of attempts.values()) {
      for (const request of list) expect(request.url.searchParams.get("modified_since")).toBe("2023-01-12 12:30:00");
    }
    const announced = retries(events);
    expect(announced).toHaveLength(7);
    for (const { attempt, delayMs } of announced) expect(delayMs).toBeLessThan(ceiling(attempt));
    // Sequential pages: every retry's wait and every timeout add up, nothing more (plus loopback I/O).
    const bound = announced.reduce((sum, r) => sum + ceiling(r.attempt), 0) + 2 * TIMEOUT + SLACK;
    const waited = announced.reduce((sum, r) => sum + r.delayMs, 0);
    expect(elapsed).toBeGreaterThanOrEqual(waited + 2 * TIMEOUT - EARLY);
    expect(elapsed).toBeLessThan(bound);

    expect(cycle.rateLimit).toEqual({
      minuteLimit: 360,
      minuteRemaining: 300,
      dayLimit: 15_000,
      dayRemaining: 0,
      dayReset: new Date(resetAt * 1000),
    });
    const before = server.received.length;
    const error = await settle(cycle.getCustomer(1));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).rateLimit?.dayReset).toEqual(new Date(resetAt * 1000));
    expect(server.received.length).toBe(before);

    figures.cycleSoftwareListing = {
      customers: ids.length,
      pages: total / pageSize,
      requests: server.received.length,
      elapsedMs: Math.round(elapsed),
      boundMs: bound,
      attemptsByOffset: Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 1)),
      retriesAnnounced: announced,
      gapsMs: Object.fromEntries(Object.entries(gaps(attempts)).filter(([, list]) => list.length > 0)),
      failFast: { message: (error as Error).message, requestsSentAfterBudgetSpent: server.received.length - before },
    };
  });

  test("no Onlinewerkrooster createCustomer (non-idempotent POST) is sent twice, whatever goes wrong", async () => {
    const plan: Record<string, (() => Fault)[]> = {
      "1": [() => ({ reset: true })],
      "2": [() => ({ reply: 503, json: { message: "busy" } })],
      "3": [() => ({ reply: 429, json: {}, headers: { "retry-after": "0" } })],
      "4": [() => ({ delay: SLOW, answer: { reply: 200, json: { customerId: 4 } } })],
      "6": [() => ({ reply: 409, json: { message: "duplicate" } })],
    };
    const { route, attempts } = faultPlan(plan, (request) => String(JSON.parse(request.body).extCustomerId));
    const server = await serve((request) => route(request) ?? { reply: 200, json: { customerId: 5 } });
    const { events, options } = observed(server.url);
    const owr = createOnlinewerkroosterClient({
      apiKey: "owr-api-key",
      customerKey: "owr-customer-key",
      environment: "dev",
      ...options,
    });
    const create = (id: number) =>
      owr.createCustomer({
        extCustomerId: id,
        extCustomerNumber: String(id),
        enterpriseNumber: "BE0123",
        name: `C${id}`,
        address: { city: "Lommel" },
      });

    const outcomes = await Promise.all([1, 2, 3, 4, 5, 6].map((id) => settle(create(id))));

    expect(outcomes.map((o) => (o instanceof Error ? o.constructor : o))).toEqual([
      ConnectionError,
      InternalServerError,
      RateLimitError,
      TimeoutError,
      { customerId: 5 },
      ConflictError,
    ]);
    expect(Object.fromEntries([...attempts].map(([key, list]) => [key, list.length]))).toEqual({
      "1": 1,
      "2": 1,
      "3": 1,
      "4": 1,
      "5": 1,
      "6": 1,
    });
    expect(retries(events)).toEqual([]);
    figures.onlinewerkroosterCreates = {
      outcomes: outcomes.map((o) => (o instanceof Error ? o.name : "created")),
      requestsReceived: server.received.length,
      retries: 0,
    };
  });

  test("a non-idempotent POST is retried when the connection was refused: the server then gets it exactly once", async () => {
    const port = await freePort();
    const { events, logger } = recordLog();
    let server: Awaited<ReturnType<typeof serve>> | undefined;
    let starting: Promise<unknown> | undefined;
    const owr = createOnlinewerkroosterClient({
      apiKey: "owr-api-key",
      customerKey: "owr-customer-key",
      environment: "dev",
      baseUrl: `http://127.0.0.1:${port}`,
      timeout: TIMEOUT,
      // Enough retries that a backoff shorter than the server's start-up cannot exhaust them.
      maxRetries: 6,
      logger: (event) => {
        logger(event);
        if (event.type === "retry" && !starting) {
          starting = serve(() => ({ reply: 200, json: { customerId: 77 } }), port).then((s) => {
            server = s;
          });
        }
      },
    });
    const result = await owr.createCustomer({
      extCustomerId: 77,
      extCustomerNumber: "77",
      enterpriseNumber: "BE0123",
      name: "C77",
      address: { city: "Lommel" },
    });
    await starting;
    expect(result).toEqual({ customerId: 77 });
    expect(server?.received).toHaveLength(1);
    const announced = retries(events);
    expect(announced.length).toBeGreaterThanOrEqual(1);
    expect(announced[0]?.why).toMatch(/ECONNREFUSED/);
    figures.onlinewerkroosterRefused = { retriesAnnounced: announced, requestsReceived: server?.received.length };
  });
});
