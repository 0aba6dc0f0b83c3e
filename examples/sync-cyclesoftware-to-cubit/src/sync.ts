import { setTimeout as delay } from "node:timers/promises";
import type { CubitClient } from "@clientele/cubit";
import {
  type Customer,
  type CycleSoftwareClient,
  InBodyError,
  PaginationError,
  RateLimitError,
  ResponseParseError,
} from "@clientele/cyclesoftware";
import type { CheckpointStore, RunCursor } from "./checkpoint.js";
import { toCubitCustomer } from "./map.js";
import { checkTimeZone, formatModifiedSince, MODIFIED_SINCE } from "./modified-since.js";

/** CycleSoftware shows no reset for its minute window: a minute after the allowance ran out, it has refilled. */
const MINUTE_MS = 60_000;
/** Refusals in a row after which the sync gives up instead of waiting on. */
const MAX_REFUSALS = 3;

export interface SyncOptions {
  cycle: CycleSoftwareClient;
  cubit: CubitClient;
  checkpoints: CheckpointStore;
  /** `modified_since` of the first run, when there is no checkpoint yet; absent: copy every customer. */
  since?: string;
  /** The zone in which CycleSoftware reads `modified_since` (its document does not say). Default UTC. */
  timeZone?: string;
  signal?: AbortSignal;
  /** How to wait for the minute allowance; injectable so tests do not wait a real minute. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The local clock, used only when CycleSoftware's response carries no Date header. */
  now?: () => number;
  /** Called after each customer is in Cubit and the checkpoint records it. */
  onCopied?: (customer: Customer, progress: SyncProgress) => void;
}

export interface SyncProgress {
  copied: number;
  pages: number;
  /** Time spent waiting for CycleSoftware's minute allowance to refill. */
  heldBackMs: number;
  waits: number;
}

export interface SyncResult extends SyncProgress {
  /** `complete`, or `daily-limit` when CycleSoftware's day allowance ran out: run again after `resumeAfter`. */
  outcome: "complete" | "daily-limit";
  /** The `modified_since` the next run will use. */
  nextSince: string | null;
  resumeAfter?: Date;
}

/**
 * Copies the CycleSoftware customers modified since the last run into Cubit, one page at a time, recording each
 * copied customer in the checkpoint so that a run cut off anywhere resumes where it stopped.
 */
export async function syncCustomers(options: SyncOptions): Promise<SyncResult> {
  const { cycle, cubit, checkpoints, signal, onCopied } = options;
  const timeZone = options.timeZone ?? "UTC";
  // Fails before any request, naming the option, on a zone Intl does not know.
  checkTimeZone(timeZone);
  if (options.since !== undefined && !MODIFIED_SINCE.test(options.since)) {
    throw new RangeError(`option "since" must look like 2023-01-12 12:30:00, got "${options.since}"`);
  }
  const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }));
  const now = options.now ?? Date.now;
  const progress: SyncProgress = { copied: 0, pages: 0, heldBackMs: 0, waits: 0 };
  const holdBack = async () => {
    await sleep(MINUTE_MS, signal);
    progress.heldBackMs += MINUTE_MS;
    progress.waits++;
  };

  for (let refusals = 0; ; refusals++) {
    let outcome: Outcome;
    try {
      outcome = await copyRun();
    } catch (error) {
      if (!(error instanceof RateLimitError)) throw error;
      if (cycle.rateLimit?.dayRemaining === 0) return { ...progress, ...(await dailyLimit()) };
      // Refused within the minute although we paced ourselves: the same credentials are busy elsewhere. Wait for
      // the allowance to refill, then resume from the checkpoint.
      if (refusals >= MAX_REFUSALS) throw error;
      await holdBack();
      continue;
    }
    return { ...progress, ...outcome };
  }

  async function dailyLimit(): Promise<Outcome> {
    const saved = await checkpoints.load();
    const resumeAfter = cycle.rateLimit?.dayReset;
    return { outcome: "daily-limit", nextSince: saved?.since ?? null, ...(resumeAfter ? { resumeAfter } : {}) };
  }

  /** One pass from the checkpoint to the end of the listing, or to the end of the day's allowance. */
  async function copyRun(): Promise<Outcome> {
    const saved = await checkpoints.load();
    const since = saved ? saved.since : (options.since ?? null);
    const resumed = saved?.run;
    const pageSince = resumed ? resumed.since : since;
    const listing = cycle.listCustomers(
      {
        ...(pageSince === null ? {} : { modified_since: pageSince }),
        ...(resumed?.offset ? { offset: resumed.offset } : {}),
      },
      { signal },
    );
    const { response } = await listing.withResponse().catch(untrusted(resumed?.offset ?? 0));
    // The next run starts from the server's clock, not ours: a skewed local clock must not skip changes. A second
    // is taken off because the Date header drops the milliseconds and the vendor may compare `modified_since`
    // exclusively; at worst a customer changed in that second is copied twice, which an upsert makes harmless.
    const serverNow = formatModifiedSince(serverTime(response.headers, now), timeZone);
    // A `since` ahead of the server's clock would list nothing now and then move the cursor past every change made
    // before it: refused, before anything is copied or saved.
    if (pageSince !== null && pageSince > serverNow) {
      const field = resumed ? "run.since" : "since";
      const where = saved ? `${checkpoints.source}: "${field}"` : `option "since"`;
      throw new RangeError(
        `${where} ${pageSince} is in the future (CycleSoftware's clock reads ${serverNow} in ${timeZone}); it would skip every change until then`,
      );
    }
    let run: RunCursor = resumed ?? {
      since,
      nextSince: formatModifiedSince(serverTime(response.headers, now) - 1_000, timeZone),
      offset: 0,
    };
    const save = () => checkpoints.save({ since, run });
    if (!resumed) await save();

    // A corrupt page (cut short, an HTML page, `error: true`, no `pagination`) rejects in the client, before any of
    // its customers is copied: the run stops, and the checkpoint still points at that page.
    for await (const page of iterate(listing.pages(), () => run.offset)) {
      progress.pages++;
      const customers = page.customers ?? [];
      const skip =
        run.lastCopiedId === undefined ? 0 : customers.findIndex((c) => c.customer_id === run.lastCopiedId) + 1;
      for (const customer of customers.slice(skip)) {
        signal?.throwIfAborted();
        await cubit.upsertCustomer(toCubitCustomer(customer), { signal });
        progress.copied++;
        run = { ...run, lastCopiedId: customer.customer_id as number };
        await save();
        onCopied?.(customer, progress);
      }
      const next = page.pagination?.next_offset;
      if (next === null || next === undefined) break;
      run = { since: run.since, nextSince: run.nextSince, offset: next };
      await save();
      // Respect the allowance before asking for the next page, instead of being refused.
      if (cycle.rateLimit?.dayRemaining === 0) return dailyLimit();
      if (cycle.rateLimit?.minuteRemaining === 0) await holdBack();
    }
    await checkpoints.save({ since: run.nextSince });
    return { outcome: "complete", nextSince: run.nextSince };
  }
}

type Outcome = Omit<SyncResult, keyof SyncProgress>;

/** Errors that mean a page of CycleSoftware's cannot be trusted, as opposed to a refusal or a lost connection. */
const UNTRUSTED = [ResponseParseError, InBodyError, PaginationError];

/** Rethrows an untrusted page's error with where the run stands; any other error as it is. */
function untrusted(offset: number) {
  return (error: unknown): never => {
    if (!UNTRUSTED.some((Class) => error instanceof Class)) throw error;
    throw new Error(
      `CycleSoftware sent a page that cannot be trusted (offset ${offset}), so the sync stopped; nothing of that page was copied and the checkpoint resumes there. ${(error as Error).message}`,
      { cause: error },
    );
  };
}

/** `pages` with each untrusted page's error explained by `untrusted`, at the offset being read. */
async function* iterate<T>(pages: AsyncIterable<T>, offset: () => number): AsyncGenerator<T> {
  const iterator = pages[Symbol.asyncIterator]();
  for (;;) {
    const next = await iterator.next().catch(untrusted(offset()));
    if (next.done) return;
    yield next.value;
  }
}

/** The server's time from its Date header (to the second), or the local clock when it sends none. */
function serverTime(headers: Headers, now: () => number): number {
  const date = Date.parse(headers.get("date") ?? "");
  return Number.isNaN(date) ? now() : date;
}
