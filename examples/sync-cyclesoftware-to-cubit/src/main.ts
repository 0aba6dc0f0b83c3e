// `pnpm --filter @clientele/example-sync-cyclesoftware-to-cubit start [--checkpoint FILE] [--since DATETIME]
// [--time-zone ZONE]`: one sync run, configured from the environment (see README.md).
import { parseArgs } from "node:util";
import { createCubitClient } from "@clientele/cubit";
import { createCycleSoftwareClient } from "@clientele/cyclesoftware";
import { fileCheckpoints } from "./checkpoint.js";
import { syncCustomers } from "./sync.js";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name} (see README.md)`);
  return value;
}

try {
  const { values } = parseArgs({
    options: {
      checkpoint: { type: "string", default: ".sync-checkpoint.json" },
      since: { type: "string" },
      "time-zone": { type: "string", default: "UTC" },
    },
  });
  const environment = required("CUBIT_ENVIRONMENT");
  if (environment !== "test" && environment !== "prod") throw new Error("CUBIT_ENVIRONMENT must be test or prod");
  const cycle = createCycleSoftwareClient({
    username: required("CYCLESOFTWARE_USERNAME"),
    password: required("CYCLESOFTWARE_PASSWORD"),
    ...(process.env.CYCLESOFTWARE_BASE_URL ? { baseUrl: process.env.CYCLESOFTWARE_BASE_URL } : {}),
  });
  const cubit = createCubitClient({
    apiKey: required("CUBIT_API_KEY"),
    environment,
    ...(process.env.CUBIT_BASE_URL ? { baseUrl: process.env.CUBIT_BASE_URL } : {}),
  });
  const abort = new AbortController();
  // Ctrl-C stops between two customers; the checkpoint already holds every customer copied so far.
  process.once("SIGINT", () => abort.abort(new Error("interrupted; run again to resume")));
  const started = Date.now();
  const result = await syncCustomers({
    cycle,
    cubit,
    checkpoints: fileCheckpoints(values.checkpoint),
    timeZone: values["time-zone"],
    signal: abort.signal,
    ...(values.since ? { since: values.since } : {}),
    onCopied: (_, progress) => {
      if (progress.copied % 500 === 0) console.log(`${progress.copied} customers copied`);
    },
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `${result.outcome}: ${result.copied} customers copied from ${result.pages} pages in ${seconds.toFixed(1)} s` +
      (result.waits ? `, ${result.heldBackMs / 1000} s of it waiting for the minute allowance` : ""),
  );
  if (result.outcome === "daily-limit") {
    console.log(`CycleSoftware's daily allowance is spent; run again after ${result.resumeAfter?.toISOString()}.`);
  } else {
    console.log(`next run: customers modified since ${result.nextSince}`);
  }
} catch (error) {
  console.error(`sync: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
