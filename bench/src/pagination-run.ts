// Runs in its own process with --expose-gc: `node --expose-gc --import tsx pagination-run.ts <baseUrl> <sizes…>`.
// Prints one JSON line of PaginationResult[]; a fresh heap means no other benchmark's garbage is counted.
import { createCycleSoftwareClient } from "@clientele/cyclesoftware";
import { PAGE_SIZE } from "./fixtures.js";

export interface PaginationResult {
  records: number;
  /** Wall time of the whole `for await`, median of the timed runs, in ms. */
  ms: number;
  /** Highest heap in use above the starting heap, sampled after a full GC at every page boundary. */
  peakHeap: number;
  /** The same, for a loop that keeps every record (the baseline that does grow), in bytes. */
  peakHeapKeepingAll: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

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

  const peakAbove = async (keep: unknown[] | undefined) => {
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    await count((seen, item) => {
      keep?.push(item);
      if (seen % PAGE_SIZE === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    });
    return peak;
  };
  const peakHeap = await peakAbove(undefined);
  const kept: unknown[] = [];
  const peakHeapKeepingAll = await peakAbove(kept);
  return { records, ms: times[Math.floor(times.length / 2)] as number, peakHeap, peakHeapKeepingAll };
}

const [baseUrl, ...sizes] = process.argv.slice(2);
if (!baseUrl || sizes.length === 0) throw new Error("usage: pagination-run.ts <baseUrl> <records…>");
const results: PaginationResult[] = [];
for (const size of sizes) results.push(await run(baseUrl, Number(size), 3));
console.log(JSON.stringify(results));
