import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCubitClient } from "@clientele/cubit";
import { cubitValidators } from "@clientele/cubit/validate";
import { type CustomerInput, createCycleSoftwareClient } from "@clientele/cyclesoftware";
import { cycleSoftwareValidators, type DriftReport } from "@clientele/cyclesoftware/validate";
import { type RunningTwin, startTwin } from "@clientele/twins";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { fileCheckpoints } from "../src/checkpoint.js";
import type { SyncOptions } from "../src/sync.js";

/** Customers 1..count as CycleSoftware would hold them: some with a surname prefix, some companies. */
export function someCustomers(count: number): CustomerInput[] {
  return Array.from({ length: count }, (_, i) => ({
    customer_id: i + 1,
    customer_type_name: i % 3 === 0 ? "Zakelijk" : "Klant",
    first_name: `First${i + 1}`,
    insertion: i % 4 === 0 ? "van" : "",
    name: `Last${i + 1}`,
    coc_number: i % 3 === 0 ? String(64_000_000 + i) : "",
    email: `customer${i + 1}@example.com`,
  }));
}

/**
 * A CycleSoftware twin and a Cubit twin on one hand-moved clock, fresh for every test, with a checkpoint file in
 * a temporary folder. `sleep` moves the clock instead of waiting, so a minute of rate limiting costs no time.
 */
export function syncBench() {
  let time = Date.UTC(2024, 0, 15, 9, 0, 0);
  const now = () => time;
  const state = {} as {
    cycle: RunningTwin<"cyclesoftware">;
    cubit: RunningTwin<"cubit">;
    dir: string;
    reconfigured: boolean;
    drift: DriftReport[];
  };
  const startCycle = (options = {}) => startTwin("cyclesoftware", { now, options: { pageSize: 10, ...options } });

  beforeAll(async () => {
    [state.cycle, state.cubit] = await Promise.all([startCycle(), startTwin("cubit", { now })]);
  });
  afterAll(async () => {
    await Promise.all([state.cycle?.stop(), state.cubit?.stop()]);
  });
  beforeEach(async () => {
    time = Date.UTC(2024, 0, 15, 9, 0, 0);
    if (state.reconfigured) {
      await state.cycle.stop();
      state.cycle = await startCycle();
      state.reconfigured = false;
    }
    state.cycle.reset();
    state.cubit.reset();
    state.dir = await mkdtemp(join(tmpdir(), "sync-example-"));
    state.drift = [];
  });
  afterEach(async () => {
    // Every client the sync gets validates in warn mode: the twins must never answer outside their specs.
    expect(state.drift.map((report) => report.message)).toEqual([]);
    await rm(state.dir, { recursive: true, force: true });
  });

  return {
    get cycleTwin() {
      return state.cycle;
    },
    get cubitTwin() {
      return state.cubit;
    },
    advance(ms: number) {
      time += ms;
    },
    now,
    /** Restarts the CycleSoftware twin with other limits or page size, for the current test. */
    async reconfigure(options: { perMinute?: number; perDay?: number; pageSize?: number }) {
      await state.cycle.stop();
      state.cycle = await startCycle(options);
      state.reconfigured = true;
    },
    /** A fresh process's worth of sync options: new clients, the same checkpoint file. */
    options(extra: Partial<SyncOptions> = {}): SyncOptions {
      const validation = { validate: "warn", onDrift: (report: DriftReport) => state.drift.push(report) } as const;
      return {
        // maxRetries 0: a refusal must reach the sync, not be retried away with real backoff sleeps.
        cycle: createCycleSoftwareClient({
          username: "demo",
          password: "demo",
          baseUrl: state.cycle.url,
          maxRetries: 0,
          ...validation,
          validators: cycleSoftwareValidators,
        }),
        cubit: createCubitClient({
          apiKey: "test-api-key",
          environment: "test",
          baseUrl: state.cubit.url,
          ...validation,
          validators: cubitValidators,
        }),
        checkpoints: fileCheckpoints(join(state.dir, "checkpoint.json")),
        sleep: async (ms) => {
          time += ms;
        },
        now,
        ...extra,
      };
    },
    checkpoints() {
      return fileCheckpoints(join(state.dir, "checkpoint.json"));
    },
    /** How often each Cubit customer number was upserted. */
    upsertsPerNumber() {
      const counts = new Map<string, number>();
      for (const e of state.cubit.exchanges) {
        if (e.method !== "POST") continue;
        const number = (e.body as { Number: string }).Number;
        counts.set(number, (counts.get(number) ?? 0) + 1);
      }
      return counts;
    },
  };
}

/**
 * A proxy in front of `target` that passes every exchange through unchanged, except that the body of each answer to
 * a request `corrupt` picks is cut in half (sent with its true, shorter length, like a proxy that dropped the rest).
 * Records the request targets it saw.
 */
export async function truncatingProxy(target: () => string, corrupt: (url: URL) => boolean) {
  const seen: string[] = [];
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const url = new URL(incoming.url ?? "/", target());
    seen.push(`${url.pathname}${url.search}`);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === "string" && name !== "host" && name !== "connection") headers.set(name, value);
    }
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const answer = await fetch(url, { method: incoming.method ?? "GET", headers, body });
    let text = Buffer.from(await answer.arrayBuffer());
    if (corrupt(url)) text = text.subarray(0, text.length >> 1);
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (name !== "content-length" && name !== "content-encoding" && name !== "transfer-encoding") out[name] = value;
    });
    outgoing.writeHead(answer.status, { ...out, "content-length": text.length });
    outgoing.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
