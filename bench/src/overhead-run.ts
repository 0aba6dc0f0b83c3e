// One process of the overhead benchmark: `node --import tsx overhead-run.ts <baseUrl> <network|instant> <json>`.
// Prints one JSON line of CallResult[]. Separate processes sample the run-to-run spread (JIT decisions, heap
// layout) that rounds inside a single process cannot.
import { loadBuiltClient } from "./built-client.js";
import { instantFetch, measureOverhead } from "./overhead.js";

const [baseUrl, mode, json] = process.argv.slice(2);
if (!baseUrl || (mode !== "network" && mode !== "instant") || !json) {
  throw new Error("usage: overhead-run.ts <baseUrl> <network|instant> <{warmupCalls,rounds,blockSize}>");
}
const settings = JSON.parse(json) as { warmupCalls: number; rounds: number; blockSize: number };
const results = await measureOverhead({
  client: await loadBuiltClient(),
  baseUrl,
  fetch: mode === "network" ? globalThis.fetch : instantFetch(),
  ...settings,
});
console.log(JSON.stringify(results));
