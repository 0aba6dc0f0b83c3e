// Runs in its own process with --expose-gc: `node --expose-gc --import tsx pagination-run.ts <baseUrl> <sizes…>`.
// Prints one JSON line of PaginationResult[]; a fresh heap means no other benchmark's garbage is counted.
import { loadBuiltClient } from "./built-client.js";
import { PAGE_SIZE } from "./fixtures.js";

export interface PaginationResult {
  records: number;
  /** Wall time of the whole `for await`, median of the timed runs, in ms. */
  ms: number;
  /** Heap in use after a full GC just before the loop, in bytes. */
  heapBefore: number;
  /** Highest heap in use, sampled after a full GC at every page boundary, in bytes. */
  peakHeap: number;
  /** The same, for a loop that keeps every record (the baseline that does grow). */
  heapBeforeKeepingAll: number;
  peakHeapKeepingAll: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

const { createCycleSoftwareClient } = await loadBuiltClient();

async function run(baseUrl: string, records: number, timedRuns: number): Promise<PaginationResult> {
  if (!gc) throw new Error("pagination-run needs node --expose-gc");
  const client = createCycleSoftwareClient({
    username: "bench-user",
    password: "bench-password",
    baseUrl: `${baseUrl}/n/${records}`,
  });
  const count = async (onItem?: (count: number, item: unknown) => void) => {
    let seen = 0;
    for await (const item of client.listCustomers()) {
      seen++;
      onItem?.(seen, item);
    }
    if (seen !== records) throw new Error(`listCustomers yielded ${seen} records, expected ${records}`);
  };

  await count(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < timedRuns; i++) {
    const started = performance.now();
    await count();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);

  const sample = async (keep: unknown[] | undefined) => {
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    await count((seen, item) => {
      keep?.push(item);
      if (seen % PAGE_SIZE === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    });
    return { before, peak };
  };
  const streaming = await sample(undefined);
  const keepingAll = await sample([]);
  return {
    records,
    ms: times[Math.floor(times.length / 2)] as number,
    heapBefore: streaming.before,
    peakHeap: streaming.peak,
    heapBeforeKeepingAll: keepingAll.before,
    peakHeapKeepingAll: keepingAll.peak,
  };
}

const [baseUrl, ...sizes] = process.argv.slice(2);
if (!baseUrl || sizes.length === 0) throw new Error("usage: pagination-run.ts <baseUrl> <records…>");
const results: PaginationResult[] = [];
for (const size of sizes) results.push(await run(baseUrl, Number(size), 3));
console.log(JSON.stringify(results));
