// `pnpm bench`: every side-by-side figure in one run, printed and written to docs/benchmarks.md (between the
// markers; the hand-written analysis around them is kept). No thresholds fail the run: targets are reported.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readRegistry } from "@clientele/registry/registry";
import { measureBundles, measureReferences } from "./bundle-size.js";
import { measureGeneration } from "./generation.js";
import { currentLoad, describeMachine } from "./machine.js";
import { measureOverheadInProcesses } from "./overhead.js";
import { measurePagination } from "./pagination.js";
import { type BenchReport, renderReport, writeReport } from "./report.js";
import { startBenchServer } from "./server.js";
import { measureTestSuite } from "./test-suite.js";
import { measureValidationBundles, measureValidationCost } from "./validation.js";
import { renderValidation, writeValidation } from "./validation-report.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const quick = process.argv.includes("--quick");
const validationOnly = process.argv.includes("--validation");
const unknown = process.argv.slice(2).filter((a) => a !== "--quick" && a !== "--validation");
if (unknown.length > 0) {
  console.error(`bench: unknown argument ${unknown.join(" ")}; usage: pnpm bench [--quick] [--validation]`);
  process.exit(2);
}

// --quick is a smoke run of the harness itself: too few rounds for figures worth recording.
const settings = quick
  ? {
      overhead: { processes: 1, warmupCalls: 100, rounds: 4, blockSize: 50 },
      generationRuns: 1,
      paginationSizes: [1_000, 10_000],
    }
  : {
      overhead: { processes: 3, warmupCalls: 1_000, rounds: 20, blockSize: 200 },
      generationRuns: 5,
      paginationSizes: [1_000, 10_000, 100_000],
    };

const step = (name: string) => console.log(`\n▶ ${name}`);

// Response validation's cost: part of every run, and alone with --validation.
step("response validation: per call and per bundle");
const validation = renderValidation({
  date: new Date().toISOString(),
  load: { average: loadavg()[0] ?? 0, cores: cpus().length },
  cost: await measureValidationCost(quick ? { rounds: 4, blockSize: 50 } : { rounds: 20, blockSize: 200 }),
  bundles: await measureValidationBundles(),
});
console.log(`\n${validation}`);
if (!quick) writeValidation(join(root, "docs", "benchmarks.md"), validation);
if (validationOnly) process.exit(0);

const machine = describeMachine();
const providers = await readRegistry(root);
const server = await startBenchServer();
let report: BenchReport;
try {
  const { processes, ...perProcess } = settings.overhead;
  step(`per-call overhead against the local server (${processes} processes)`);
  const overhead = await measureOverheadInProcesses(processes, server.url, "network", perProcess);
  step(`client-side work per call, fetch answering at once (${processes} processes)`);
  const clientWork = await measureOverheadInProcesses(processes, server.url, "instant", perProcess);
  step("regeneration of all four providers");
  const generation = await measureGeneration(root, settings.generationRuns);
  step("bundle size of a one-call app");
  const bundles = await measureBundles(Object.fromEntries(providers.map((p) => [p.id, join(root, p.spec)])));
  const references = await measureReferences();
  step("auto-pagination");
  const pagination = await measurePagination(server.url, settings.paginationSizes);
  report = {
    date: new Date().toISOString(),
    quick,
    settings,
    machine: { ...machine, load: { start: machine.loadStart, end: currentLoad() } },
    overhead,
    clientWork,
    generation,
    bundles,
    references,
    pagination,
  };
} finally {
  await server.stop();
}

// Last and alone: the suite starts its own servers and uses both cores. A smoke run of the harness leaves it out.
if (!quick) {
  step("pnpm test, the whole suite");
  report.testSuite = await measureTestSuite(root);
  console.log(`${report.testSuite.closingLine} in ${(report.testSuite.ms / 1000).toFixed(1)} s`);
}

const markdown = renderReport(report);
console.log(`\n${markdown}`);
mkdirSync(join(root, ".artifacts"), { recursive: true });
writeFileSync(join(root, ".artifacts", "bench.json"), `${JSON.stringify(report, null, 2)}\n`);
if (quick) console.log("bench --quick: docs/benchmarks.md left as it was");
else writeReport(join(root, "docs", "benchmarks.md"), markdown);
