import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { CreateCustomerBody, paths } from "@clientele/cyclesoftware";
import createClient from "openapi-fetch";
import { Bench } from "tinybench";
import { customer, rateLimitHeaders } from "./fixtures.js";
import { median, pBelow, quantile, shuffled } from "./stats.js";

export type Variant = "fetch" | "openapi-fetch" | "clientele";
export type Call = "GET with query" | "POST with body";

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

type Client = typeof import("@clientele/cyclesoftware");

export interface OverheadOptions {
  /** The package under test, as loadBuiltClient() gives it. */
  client: Client;
  baseUrl: string;
  /** The global fetch, or a stand-in that answers at once to measure the client-side work alone. */
  fetch: FetchLike;
  warmupCalls: number;
  rounds: number;
  /** Calls per variant per round. */
  blockSize: number;
}

/** One round: per variant, the mean wall-clock latency and the client process's CPU time per call, in ms. */
export interface Round {
  wall: Record<Variant, number>;
  cpu: Record<Variant, number>;
}

export interface CallResult {
  call: Call;
  rounds: Round[];
  /** Timed calls per variant. */
  calls: number;
}

export interface Comparison {
  call: Call;
  versus: Variant;
  /** Median of the per-round ratios clientele ÷ versus, with their interquartile range. */
  ratio: number;
  low: number;
  high: number;
  /** p that the true ratio is not below `bound`. */
  p: number;
  bound: number;
}

const username = "bench-user";
const password = "bench-password";
const query = { email: "name@domain.nl", query: "name of customer", country_code: "NL" };
const body: CreateCustomerBody = {
  customer_type_name: "Zakelijk",
  postcode: "18000",
  house_number: "1",
  company_name: "CycleSoftware",
  first_name: "Adri",
  name: "Aleksnadar",
  street: "street",
  city: "city",
  country_code_iso_3166: "sr",
  email: "email@mail.com",
  discount_percentage: 10,
  phone_numbers: [{ phone_number_id: "mob", phone_number: "+381 60 2222222", name: "Adri S Aleksnadar" }],
};

/** The three ways to make the same call; each parses the JSON answer and fails on a non-2xx. */
function variants(
  { createCycleSoftwareClient }: Client,
  baseUrl: string,
  fetch: FetchLike,
): Record<Call, Record<Variant, () => Promise<unknown>>> {
  const authorization = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  // The floor: a URL and headers built once, as the tightest hand-written code would.
  const findUrl = `${baseUrl}/api/v1/customers/find.json?${new URLSearchParams(query)}`;
  const createUrl = `${baseUrl}/api/v1/customers.json`;
  const getHeaders = { authorization };
  const postHeaders = { authorization, "content-type": "application/json" };
  const raw = createClient<paths>({ baseUrl, headers: { authorization }, fetch: (request) => fetch(request) });
  // Defaults on: 30 s timeout per attempt, 2 retries, rate-limit headers read, redaction.
  const ours = createCycleSoftwareClient({ username, password, baseUrl, fetch });
  const json = async (response: Response) => {
    if (!response.ok) throw new Error(`status ${response.status}`);
    return response.json();
  };
  const checked = async <T extends { error?: unknown; data?: unknown }>(result: Promise<T>) => {
    const { data, error } = await result;
    if (error !== undefined) throw new Error("openapi-fetch call failed");
    return data;
  };
  return {
    "GET with query": {
      fetch: () => fetch(findUrl, { headers: getHeaders }).then(json),
      "openapi-fetch": () => checked(raw.GET("/api/v1/customers/find.json", { params: { query } })),
      clientele: () => ours.findCustomers(query),
    },
    "POST with body": {
      fetch: () => fetch(createUrl, { method: "POST", headers: postHeaders, body: JSON.stringify(body) }).then(json),
      "openapi-fetch": () => checked(raw.POST("/api/v1/customers.json", { body })),
      clientele: () => ours.createCustomer(body),
    },
  };
}

/**
 * Paired rounds. Each round gives every variant one block of the same number of calls, in a fresh random order,
 * with tinybench timing each call; a round's ratio compares the variants' mean latency (a mean, so that the
 * garbage a variant makes is charged to it when the collector runs) and their client-process CPU time per call.
 * Short blocks keep the machine's drift (the other core's load, the server's GC) nearly equal within a round;
 * many rounds give a distribution of ratios instead of one lucky or unlucky number.
 */
export async function measureOverhead(options: OverheadOptions): Promise<CallResult[]> {
  const calls = variants(options.client, options.baseUrl, options.fetch);
  const results: CallResult[] = [];
  for (const [call, fns] of Object.entries(calls) as [Call, Record<Variant, () => Promise<unknown>>][]) {
    const names = Object.keys(fns) as Variant[];
    // Warm-up: JIT, the keep-alive connection and the server's own JIT all settle before anything counts.
    for (let i = 0; i < options.warmupCalls; i++) for (const name of names) await fns[name]();
    const rounds: Round[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const bench = new Bench({ iterations: options.blockSize, time: 0, warmup: false, throws: true });
      const cpu = {} as Record<Variant, number>;
      for (const name of shuffled(names)) {
        let started = process.cpuUsage();
        bench.add(name, fns[name], {
          beforeAll: () => {
            started = process.cpuUsage();
          },
          afterAll: () => {
            const used = process.cpuUsage(started);
            cpu[name] = (used.user + used.system) / 1000 / options.blockSize;
          },
        });
      }
      await bench.run();
      const wall = {} as Record<Variant, number>;
      for (const task of bench.tasks) {
        const { result } = task;
        if (result.state !== "completed") throw new Error(`${call} ${task.name}: ${result.state}`);
        wall[task.name as Variant] = result.latency.mean;
      }
      rounds.push({ wall, cpu });
      process.stdout.write(".");
    }
    results.push({ call, rounds, calls: options.rounds * options.blockSize });
  }
  process.stdout.write("\n");
  return results;
}

/**
 * A fetch that answers at once with what the benchmark server would send: with the network and the server taken
 * out, what remains is each client's own work per call (building the request, reading the answer).
 */
export function instantFetch(): FetchLike {
  const headers = { "content-type": "application/json; charset=utf-8", ...rateLimitHeaders };
  const found = JSON.stringify([customer(1006)]);
  const created = JSON.stringify(customer(26196));
  return async (input, init) => {
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    if (input instanceof Request && method === "POST") await input.text();
    return new Response(method === "POST" ? created : found, { status: 200, headers });
  };
}

/**
 * The measurement repeated in `processes` fresh processes (overhead-run.ts), their rounds pooled per call. The
 * benchmark server is shared; only one process runs at a time.
 */
export async function measureOverheadInProcesses(
  processes: number,
  baseUrl: string,
  mode: "network" | "instant",
  settings: { warmupCalls: number; rounds: number; blockSize: number },
): Promise<CallResult[]> {
  const script = fileURLToPath(new URL("./overhead-run.ts", import.meta.url));
  const pooled = new Map<Call, CallResult>();
  for (let i = 0; i < processes; i++) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", script, baseUrl, mode, JSON.stringify(settings)],
      { maxBuffer: 16 << 20 },
    );
    process.stdout.write(stdout.split("\n").slice(0, -2).join("\n"));
    const results = JSON.parse(stdout.trim().split("\n").pop() ?? "[]") as CallResult[];
    for (const result of results) {
      const seen = pooled.get(result.call);
      if (seen) {
        seen.rounds.push(...result.rounds);
        seen.calls += result.calls;
      } else pooled.set(result.call, result);
    }
  }
  return [...pooled.values()];
}

export type Measure = keyof Round;

export function compare(result: CallResult, measure: Measure, versus: Variant, bound: number): Comparison {
  const ratios = result.rounds.map((r) => r[measure].clientele / r[measure][versus]);
  return {
    call: result.call,
    versus,
    ratio: median(ratios),
    low: quantile(ratios, 0.25),
    high: quantile(ratios, 0.75),
    p: pBelow(ratios, bound),
    bound,
  };
}

/** openapi-fetch against raw fetch, the peer figure the target is set against. */
export function peerRatio(result: CallResult, measure: Measure) {
  return median(result.rounds.map((r) => r[measure]["openapi-fetch"] / r[measure].fetch));
}

export function medianLatency(result: CallResult, measure: Measure, variant: Variant) {
  return median(result.rounds.map((r) => r[measure][variant]));
}
