// `pnpm --filter @clientele/example-sync-cyclesoftware-to-cubit measure [--quick]`: the sync's throughput against
// the twins, and where CycleSoftware's rate limit holds it back. Real time throughout: the last scenario waits
// out a real minute (--quick skips it). The twins run in a child process, as `pnpm twin` would, so their work does
// not share the sync's event loop.
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createCubitClient } from "@clientele/cubit";
import { type CustomerInput, createCycleSoftwareClient } from "@clientele/cyclesoftware";
import { startTwin } from "@clientele/twins";
import { type CheckpointStore, fileCheckpoints, memoryCheckpoints } from "./checkpoint.js";
import { syncCustomers } from "./sync.js";

interface Scenario {
  name: string;
  customers: number;
  pageSize: number;
  checkpoint: "file" | "memory";
}

const { values } = parseArgs({
  options: { quick: { type: "boolean", default: false }, twins: { type: "string" } },
});
const scenarios: Scenario[] = [
  { name: "documented limits, 500 a page, checkpoint file", customers: 5_000, pageSize: 500, checkpoint: "file" },
  {
    name: "documented limits, 500 a page, checkpoint in memory",
    customers: 5_000,
    pageSize: 500,
    checkpoint: "memory",
  },
  ...(values.quick
    ? []
    : [
        {
          name: "documented limits, 10 a page (the limit binds)",
          customers: 5_000,
          pageSize: 10,
          checkpoint: "file",
        } as const,
      ]),
];

/** A fetch that adds the time of every call to `total.ms`. */
function timed(total: { ms: number; calls: number }): typeof fetch {
  return async (input, init) => {
    const started = performance.now();
    try {
      return await fetch(input, init);
    } finally {
      total.ms += performance.now() - started;
      total.calls++;
    }
  };
}

function timedStore(store: CheckpointStore, total: { ms: number; calls: number }): CheckpointStore {
  return {
    source: store.source,
    load: () => store.load(),
    async save(checkpoint) {
      const started = performance.now();
      await store.save(checkpoint);
      total.ms += performance.now() - started;
      total.calls++;
    },
  };
}

const customers = (count: number): CustomerInput[] =>
  Array.from({ length: count }, (_, i) => ({
    customer_id: i + 1,
    first_name: `First${i}`,
    name: `Last${i}`,
    coc_number: "",
  }));

if (values.twins !== undefined) await serveTwins(JSON.parse(values.twins) as Scenario);

const dir = await mkdtemp(join(tmpdir(), "sync-measure-"));
try {
  for (const scenario of scenarios) {
    const twins = fork(process.argv[1] as string, ["--twins", JSON.stringify(scenario)], {
      execArgv: ["--import", "tsx"],
    });
    try {
      const urls = (await reply(twins)) as { cycle: string; cubit: string };
      const cycleTime = { ms: 0, calls: 0 };
      const cubitTime = { ms: 0, calls: 0 };
      const saveTime = { ms: 0, calls: 0 };
      const store =
        scenario.checkpoint === "file" ? fileCheckpoints(join(dir, `${scenario.pageSize}.json`)) : memoryCheckpoints();
      const started = performance.now();
      const result = await syncCustomers({
        cycle: createCycleSoftwareClient({
          username: "demo",
          password: "demo",
          baseUrl: urls.cycle,
          fetch: timed(cycleTime),
        }),
        cubit: createCubitClient({
          apiKey: "test-api-key",
          environment: "test",
          baseUrl: urls.cubit,
          fetch: timed(cubitTime),
        }),
        checkpoints: timedStore(store, saveTime),
      });
      const ms = performance.now() - started;
      const working = ms - result.heldBackMs;
      twins.send("count");
      const arrived = (await reply(twins)) as number;
      if (arrived !== scenario.customers) throw new Error(`${arrived} of ${scenario.customers} customers arrived`);
      console.log(`\n${scenario.name}: ${scenario.customers} customers`);
      console.log(
        `  ${result.outcome} in ${(ms / 1000).toFixed(2)} s: ${Math.round(result.copied / (ms / 1000))} customers/s overall`,
      );
      console.log(
        `  held back by the minute limit: ${result.waits} × 60 s = ${(result.heldBackMs / 1000).toFixed(0)} s (${((result.heldBackMs / ms) * 100).toFixed(0)} % of the run)`,
      );
      console.log(
        `  working time ${(working / 1000).toFixed(2)} s: ${Math.round(result.copied / (working / 1000))} customers/s`,
      );
      console.log(`    CycleSoftware list: ${cycleTime.calls} requests, ${cycleTime.ms.toFixed(0)} ms`);
      console.log(
        `    Cubit upsert:       ${cubitTime.calls} requests, ${cubitTime.ms.toFixed(0)} ms (${(cubitTime.ms / cubitTime.calls).toFixed(2)} ms each)`,
      );
      console.log(
        `    checkpoint saves:   ${saveTime.calls}, ${saveTime.ms.toFixed(0)} ms (${(saveTime.ms / saveTime.calls).toFixed(3)} ms each)`,
      );
    } finally {
      twins.kill();
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

/** The child's next message; a failure, not a hang, when it dies first. */
async function reply(child: ChildProcess): Promise<unknown> {
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`the twins' process exited with ${code} before answering`);
  });
  const [message] = await Promise.race([once(child, "message"), exited]);
  return message;
}

/** The child: both twins, the CycleSoftware one seeded; answers "count" with the customers Cubit holds. */
async function serveTwins(scenario: Scenario): Promise<never> {
  const cycleTwin = await startTwin("cyclesoftware", { options: { pageSize: scenario.pageSize } });
  const cubitTwin = await startTwin("cubit");
  cycleTwin.seed({ customers: customers(scenario.customers) });
  process.on("message", () => process.send?.(cubitTwin.state().test.customers.length));
  process.send?.({ cycle: cycleTwin.url, cubit: cubitTwin.url });
  return new Promise(() => {});
}
