import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { App, BundleResult, ReferenceResult } from "./bundle-size.js";
import type { GeneratorResult } from "./generation.js";
import type { Machine } from "./machine.js";
import { type CallResult, compare, type Measure, medianLatency, peerRatio, type Variant } from "./overhead.js";
import type { PaginationResult } from "./pagination.js";
import { formatBytes, formatMiB, formatMs, formatP, formatRatio, formatSignedMiB } from "./stats.js";
import type { SuiteResult } from "./test-suite.js";

export interface BenchReport {
  date: string;
  quick: boolean;
  settings: {
    overhead: { processes: number; warmupCalls: number; rounds: number; blockSize: number };
    generationRuns: number;
    paginationSizes: number[];
  };
  machine: Machine;
  overhead: CallResult[];
  clientWork: CallResult[];
  generation: GeneratorResult[];
  bundles: BundleResult[];
  references: ReferenceResult[];
  /** Absent from a --quick run. */
  testSuite?: SuiteResult;
  pagination: PaginationResult[];
}

/** The project's targets: reported, never enforced. */
export const TARGETS = {
  overheadVsFetch: 1.1,
  // A cold `pnpm generate` is held to the fastest peer generator of the same run (machine conditions vary).
  checkMs: 500,
  /** Transport + standalone function: the size of bare openapi-fetch. */
  bundleGzip: 2.7 * 1024,
  /** The full client: the size of @hey-api/openapi-ts's one-call app. */
  fullClientGzip: 4.0 * 1024,
  testSuiteMs: 90_000,
} as const;

const START = "<!-- bench:start: written by `pnpm bench`; edit only outside these markers -->";
const END = "<!-- bench:end -->";

const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");
const verdict = (met: boolean) => (met ? "met" : "**missed**");

function targets(report: BenchReport): string {
  const rows: (string | number)[][] = [];
  for (const result of report.overhead) {
    const c = compare(result, "wall", "fetch", TARGETS.overheadVsFetch);
    rows.push([
      `per-call time, ${result.call}: clientele ÷ raw fetch`,
      `≤ ${formatRatio(TARGETS.overheadVsFetch)}`,
      `${formatRatio(c.ratio)} (p = ${formatP(c.p)} that it is not below)`,
      verdict(c.ratio <= TARGETS.overheadVsFetch),
    ]);
  }
  const cold = report.generation.find((g) => g.generator === "clientele");
  const peers = report.generation.filter((g) => !g.generator.startsWith("clientele") && g.failures.length === 0);
  const fastest = peers.reduce<GeneratorResult | undefined>((a, b) => (a && a.median <= b.median ? a : b), undefined);
  if (cold && fastest)
    rows.push([
      "`generate` cold, four providers",
      `≤ the fastest peer in this run (${fastest.generator}, ${formatMs(fastest.median)})`,
      formatMs(cold.median),
      verdict(cold.median <= fastest.median),
    ]);
  const check = report.generation.find((g) => g.generator === "clientele --check");
  if (check)
    rows.push([
      "`generate --check`, unchanged specs",
      `≤ ${formatMs(TARGETS.checkMs)}`,
      formatMs(check.median),
      verdict(check.median <= TARGETS.checkMs),
    ]);
  for (const bundle of report.bundles) {
    const size = bundle.sizes["clientele transport + function"].gzipped;
    const full = bundle.sizes["clientele full client"].gzipped;
    rows.push(
      [
        `one-call app, ${bundle.provider}, transport + function (min+gz)`,
        `≤ ${formatBytes(TARGETS.bundleGzip)}`,
        formatBytes(size),
        verdict(size <= TARGETS.bundleGzip),
      ],
      [
        `one-call app, ${bundle.provider}, full client (min+gz)`,
        `≤ ${formatBytes(TARGETS.fullClientGzip)}`,
        formatBytes(full),
        verdict(full <= TARGETS.fullClientGzip),
      ],
    );
  }
  const first = report.pagination[0];
  const last = report.pagination.at(-1);
  if (first && last && last !== first) {
    const growth = last.peakHeap - last.heapBefore - (first.peakHeap - first.heapBefore);
    const kept =
      last.peakHeapKeepingAll - last.heapBeforeKeepingAll - (first.peakHeapKeepingAll - first.heapBeforeKeepingAll);
    rows.push([
      `pagination: extra peak heap at ${last.records.toLocaleString("en")} records over ${first.records.toLocaleString("en")}`,
      "flat",
      `${formatSignedMiB(growth)} (keeping every record: ${formatSignedMiB(kept)})`,
      // Flat: the growth is a small fraction of what holding the records costs.
      verdict(growth < 0.05 * kept),
    ]);
  }
  const suite = report.testSuite;
  if (suite)
    rows.push([
      "`pnpm test`, the whole suite",
      `≤ ${formatMs(TARGETS.testSuiteMs)}`,
      `${formatMs(suite.ms)} (${suite.closingLine})`,
      suite.passed ? verdict(suite.ms <= TARGETS.testSuiteMs) : "**failed**",
    ]);
  return table(["figure", "target", "measured", ""], rows);
}

const VARIANTS: Variant[] = ["fetch", "openapi-fetch", "clientele"];
const LABEL: Record<Variant, string> = { fetch: "raw fetch", "openapi-fetch": "openapi-fetch", clientele: "clientele" };

function overheadTable(results: CallResult[], measure: Measure): string {
  return table(
    [
      "call",
      ...VARIANTS.map((v) => LABEL[v]),
      "clientele ÷ raw fetch",
      "clientele ÷ openapi-fetch",
      "openapi-fetch ÷ raw fetch",
    ],
    results.map((result) => {
      const vsFetch = compare(result, measure, "fetch", TARGETS.overheadVsFetch);
      const vsPeer = compare(result, measure, "openapi-fetch", 1);
      const ratio = (c: ReturnType<typeof compare>) =>
        `**${formatRatio(c.ratio)}** [${c.low.toFixed(2)}–${c.high.toFixed(2)}] p(≥ ${c.bound.toFixed(2)}) = ${formatP(c.p)}`;
      return [
        result.call,
        ...VARIANTS.map((v) => formatMs(medianLatency(result, measure, v))),
        ratio(vsFetch),
        ratio(vsPeer),
        formatRatio(peerRatio(result, measure)),
      ];
    }),
  );
}

function generationTable(results: GeneratorResult[]): string {
  const cold = results.find((r) => r.generator === "clientele")?.median ?? Number.NaN;
  return table(
    ["generator", "median wall time", "runs", "÷ clientele cold", "result"],
    results.map((r) => [
      r.generator === "clientele"
        ? "clientele `pnpm generate` (cold)"
        : r.generator === "clientele --check"
          ? "clientele `generate --check` (unchanged specs)"
          : r.generator,
      formatMs(r.median),
      r.runs.map((ms) => (ms / 1000).toFixed(2)).join(", "),
      formatRatio(r.median / cold),
      r.failures.length === 0
        ? "all four generated"
        : r.failures.map((f) => `**failed on ${f.provider}**: \`${f.error.replace(/\|/g, "\\|")}\``).join("; "),
    ]),
  );
}

const APPS: App[] = ["clientele transport + function", "clientele full client", "@hey-api/openapi-ts", "openapi-fetch"];

function bundleTable(results: BundleResult[]): string {
  return table(
    ["provider (call)", ...APPS, "transport + function ÷ hey-api"],
    results.map((r) => [
      `${r.provider} (\`${r.call}\`)`,
      ...APPS.map((app) => `**${formatBytes(r.sizes[app].gzipped)}** (${formatBytes(r.sizes[app].minified)} min)`),
      formatRatio(r.sizes["clientele transport + function"].gzipped / r.sizes["@hey-api/openapi-ts"].gzipped),
    ]),
  );
}

/** The suite's steps as it printed them: the first group runs its steps at once, then vitest beside the consumer matrix. */
function suiteSection(suite: SuiteResult): string {
  return [
    "README's test command (`npm test`, which runs `pnpm test` through the bootstrap) in a child process after " +
      `every other measurement; ${formatMs(suite.ms)} wall time, closing line \`${suite.closingLine}\`. Each step's ` +
      "own time as it printed it (steps in a group run at the same time, so they do not add up):",
    "",
    table(
      ["step", "time", "result"],
      suite.steps.map((s) => [s.name, `${s.seconds.toFixed(1)} s`, s.ok ? "✔" : "✘"]),
    ),
  ].join("\n");
}

/** Other generators' SDKs over their own APIs, for scale: what a runtime with the same duties costs. */
function referenceTable(references: ReferenceResult[]): string {
  return [
    "For scale, a Stainless-built SDK's one-call app over its own API, built the same way:",
    "",
    table(
      ["SDK (call)", "min+gz", "minified"],
      references.map((r) => [`${r.sdk} (\`${r.call}\`)`, `**${formatBytes(r.gzipped)}**`, formatBytes(r.minified)]),
    ),
  ].join("\n");
}

/** Where the bytes of each transport + function app come from (minified, before gzip). */
function compositionTable(results: BundleResult[]): string {
  const files = [...new Set(results.flatMap((r) => Object.keys(r.composition)))];
  const providers = results.map((r) => `${r.provider}/`);
  const label = (file: string) => {
    const own = providers.find((p) => file.startsWith(p));
    return own ? `<provider>/${file.slice(own.length)}` : file;
  };
  const rows = new Map<string, number[]>();
  for (const file of files) {
    const key = label(file);
    const sizes = rows.get(key) ?? results.map(() => 0);
    results.forEach((r, i) => {
      sizes[i] = (sizes[i] ?? 0) + (r.composition[file] ?? 0);
    });
    rows.set(key, sizes);
  }
  const sorted = [...rows]
    .filter(([, sizes]) => sizes.some((b) => b > 0))
    .sort((a, b) => b[1].reduce((x, y) => x + y, 0) - a[1].reduce((x, y) => x + y, 0));
  return table(
    ["source file", ...results.map((r) => r.provider)],
    sorted.map(([file, sizes]) => [`\`${file}\``, ...sizes.map((b) => (b === 0 ? "–" : `${b} B`))]),
  );
}

function paginationTable(results: PaginationResult[]): string {
  return table(
    [
      "records",
      "wall time (median)",
      "records / s",
      "heap before → peak, `for await`",
      "heap before → peak, keeping every record",
    ],
    results.map((r) => [
      r.records.toLocaleString("en"),
      formatMs(r.ms),
      Math.round(r.records / (r.ms / 1000)).toLocaleString("en"),
      `${formatMiB(r.heapBefore)} → ${formatMiB(r.peakHeap)} (${formatSignedMiB(r.peakHeap - r.heapBefore)})`,
      `${formatMiB(r.heapBeforeKeepingAll)} → ${formatMiB(r.peakHeapKeepingAll)} (${formatSignedMiB(r.peakHeapKeepingAll - r.heapBeforeKeepingAll)})`,
    ]),
  );
}

export function renderReport(report: BenchReport): string {
  const { machine, settings } = report;
  const { processes, warmupCalls, rounds, blockSize } = settings.overhead;
  return [
    START,
    `Measured ${report.date.slice(0, 16).replace("T", " ")} UTC by \`pnpm bench\`${report.quick ? " (--quick: a smoke run, not for the record)" : ""}.`,
    "",
    "### Machine",
    "",
    table(
      ["CPU", "cores", "memory", "OS", "Node", "load average (1 min), start → end"],
      [
        [
          machine.cpu,
          machine.cores,
          `${(machine.memory / 2 ** 30).toFixed(1)} GiB`,
          machine.os,
          machine.node,
          `${machine.load.start.toFixed(2)} → ${machine.load.end.toFixed(2)}`,
        ],
      ],
    ),
    "",
    `Peers and tools: ${Object.entries(machine.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(", ")}.`,
    "",
    "### Targets",
    "",
    targets(report),
    "",
    "### Per-call overhead",
    "",
    `CycleSoftware \`findCustomers\` (GET with three query parameters) and \`createCustomer\` (POST with a JSON body) ` +
      `against a keep-alive node:http server on 127.0.0.1 in its own process. Raw fetch uses a URL and headers built ` +
      `once; openapi-fetch is \`createClient<paths>\`; clientele is \`createCycleSoftwareClient\` with its defaults ` +
      `(30 s timeout per attempt, 2 retries, rate-limit headers read, redaction). Every variant parses the JSON answer. ` +
      `The client is the package bundled by esbuild, as an app runs it. In each of ${processes} fresh processes: ` +
      `${warmupCalls} warm-up calls per variant, then ${rounds} rounds; each round runs a block of ${blockSize} calls ` +
      `per variant in a fresh random order (tinybench, one block per task). The rounds of all processes are pooled. ` +
      `Figures are medians over rounds of each ` +
      `block's mean; ratios are the median of the per-round ratios [interquartile range], and p is the one-sided ` +
      `exact Wilcoxon signed-rank p-value that the ratio is not below the bound (small p: credibly below).`,
    "",
    "Wall-clock time per call:",
    "",
    overheadTable(report.overhead, "wall"),
    "",
    "CPU time of the client process per call (less sensitive to other load on the machine):",
    "",
    overheadTable(report.overhead, "cpu"),
    "",
    "Client-side work alone: the same calls with `fetch` answering at once with a ready `Response` (no socket, no " +
      "server), so what is left is each client's own work per call:",
    "",
    overheadTable(report.clientWork, "wall"),
    "",
    "### Regeneration of all four providers",
    "",
    `Each generator is a fresh process over the four specs, output to a scratch directory; ${settings.generationRuns} runs, ` +
      "round-robin. @hey-api/openapi-ts generates types + SDK + its fetch client (four jobs in one process); orval " +
      "generates one fetch client per spec (one config, four projects).",
    "",
    generationTable(report.generation),
    "",
    "### Bundle size of a one-call app",
    "",
    "Each app builds its client from credentials and makes one call; bundled by esbuild for the browser (ESM, " +
      "minified, tree-shaken), gzip level 9. Shown: **min+gz** (minified).",
    "",
    bundleTable(report.bundles),
    "",
    referenceTable(report.references),
    "",
    "What the transport + function apps are made of (minified bytes per source file, from esbuild's metafile):",
    "",
    compositionTable(report.bundles),
    "",
    "### Auto-pagination",
    "",
    "CycleSoftware `listCustomers` with `for await`, served 500 records a page by the local server, in a fresh " +
      "process. Heap in use is read after a full GC (`--expose-gc`) before the loop and at every page boundary; " +
      "the last column keeps every record, to show what growth looks like. Wall time is measured without the GCs.",
    "",
    paginationTable(report.pagination),
    ...(report.testSuite ? ["", "### `pnpm test`", "", suiteSection(report.testSuite)] : []),
    END,
  ].join("\n");
}

/** Replaces the generated part of the document, keeping what is written around it. */
export function writeReport(path: string, generated: string): void {
  const current = existsSync(path) ? readFileSync(path, "utf8") : `# Benchmarks\n\n${START}\n${END}\n`;
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start === -1 || end === -1)
    throw new Error(`${path}: the bench markers are missing; restore them or delete the file`);
  writeFileSync(path, current.slice(0, start) + generated + current.slice(end + END.length));
}
