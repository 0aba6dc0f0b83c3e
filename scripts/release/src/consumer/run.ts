// `pnpm test:consumer`: the packed packages, installed into a fresh project outside the repository, run the same
// scenario on every runtime users run (Node 20/22/24/26, Bun, Deno, workerd, Chromium; ESM everywhere, CommonJS
// where there is `require`) against twins and a fault server on 127.0.0.1. Prints the runtime × scenario table and
// writes it to .artifacts/consumer-matrix.md; exits non-zero when any cell fails or a runtime cannot be installed.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "@clientele/registry/root";
import { prepareArtifacts } from "../package-artifacts.ts";
import { readProviderPackages } from "../smoke-cases.ts";
import { runDriver } from "./drivers.ts";
import { createConsumerProject } from "./project.ts";
import { type MatrixRow, renderMatrix } from "./report.ts";
import {
  ensureRuntime,
  type ModuleFormat,
  RUNTIMES,
  type RuntimeKind,
  runtimeCache,
  runtimeVersion,
} from "./runtimes.ts";
import { BROWSER_SCENARIOS, SCENARIOS } from "./scenario.mjs";
import { startSite } from "./servers.ts";

const root = repoRoot;
// I/O-bound runs, but each starts a runtime: three at once keep a loaded 2-core machine busy without starving it.
const CONCURRENCY = Number(process.env.CONSUMER_CONCURRENCY) || 3;
// While working on one runtime: `CONSUMER_RUNTIMES=chromium,node20 pnpm test:consumer`. `pnpm test` runs them all.
const ONLY = process.env.CONSUMER_RUNTIMES?.split(",").filter(Boolean);
const SELECTED = ONLY ? RUNTIMES.filter((runtime) => ONLY.includes(runtime.id)) : RUNTIMES;
if (ONLY && SELECTED.length !== ONLY.length) {
  console.error(`CONSUMER_RUNTIMES: known runtimes are ${RUNTIMES.map((r) => r.id).join(", ")}`);
  process.exit(2);
}

const started = Date.now();
const scratch = await mkdtemp(join(tmpdir(), "clientele-consumer-"));
const failures: string[] = [];
try {
  const cache = await runtimeCache(root);
  // The runtimes download (first run only) while the packages pack and install.
  const providers = (await readProviderPackages(root)).map(({ provider, pkg, smoke }) => ({
    id: provider.id,
    name: pkg.name,
    smoke,
  }));
  // The fault scenarios make each provider's smoke call, where it is a GET: a retried POST would be a second write.
  const smoke = providers.filter((p) => p.smoke.method === "get").map(({ id, smoke }) => ({ id, ...smoke }));
  const [runtimes, project] = await Promise.all([
    installRuntimes(cache),
    prepareArtifacts(root).then((artifacts) =>
      createConsumerProject(
        join(scratch, "project"),
        [...artifacts.packs.map((p) => p.tarball), ...artifacts.thirdParty],
        providers,
      ),
    ),
  ]);
  const setup = Date.now() - started;
  const runs = runtimes.flatMap(({ runtime, binary, version }) =>
    runtime.formats.map((format) => ({ runtime, binary, version, format })),
  );
  const rows = await pool(runs, CONCURRENCY, async ({ runtime, binary, version, format }): Promise<MatrixRow> => {
    const runStarted = Date.now();
    const site = await startSite(smoke.map((s) => s.id));
    try {
      const output = await runDriver({
        runtime,
        format,
        binary,
        project,
        site,
        scratch: join(scratch, `${runtime.id}-${format}`),
        smoke,
      });
      const browser = runtime.kind === "chromium";
      const serverProblems = await site.verify({ browser });
      const problems = entryProblem(runtime.kind, format, output.entries);
      const cells = (browser ? [...SCENARIOS, ...BROWSER_SCENARIOS] : SCENARIOS).map((name) => {
        const result = output.results.find((r) => r.name === name);
        const error = result?.error ?? serverProblems[name] ?? (result ? problems : "did not run");
        return { name, ok: Boolean(result?.ok) && !error, ms: result?.ms ?? 0, ...(error && { error }) };
      });
      return { runtime: runtime.id, version, format, cells, ms: Date.now() - runStarted };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { runtime: runtime.id, version, format, cells: [], error: message, ms: Date.now() - runStarted };
    } finally {
      await site.stop();
    }
  });
  const total = Date.now() - started;
  const markdown = renderMatrix(rows, [...SCENARIOS, ...BROWSER_SCENARIOS], {
    setup,
    total,
    cache,
    concurrency: CONCURRENCY,
  });
  console.log(`\n${markdown}`);
  await mkdir(join(root, ".artifacts"), { recursive: true });
  await writeFile(join(root, ".artifacts", "consumer-matrix.md"), markdown);
  for (const row of rows) {
    const where = `${row.runtime} ${row.format}`;
    if (row.error) failures.push(`${where}: ${row.error}`);
    for (const cell of row.cells) if (!cell.ok) failures.push(`${where}, ${cell.name}: ${cell.error}`);
  }
} catch (error) {
  failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await rm(scratch, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`\n✘ consumer matrix: ${failures.length} failure(s):\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  process.exit(1);
}
console.log(`✔ consumer matrix green in ${((Date.now() - started) / 1000).toFixed(1)} s`);

/** Every runtime's binary, installing what is missing; fails naming each runtime that cannot be installed. */
async function installRuntimes(cache: string) {
  const settled = await Promise.allSettled(
    SELECTED.map(async (runtime) => {
      const { binary } = await ensureRuntime(runtime, cache);
      return { runtime, binary, version: await runtimeVersion(binary) };
    }),
  );
  const missing = settled.flatMap((s) =>
    s.status === "rejected" ? [s.reason instanceof Error ? s.reason.message : String(s.reason)] : [],
  );
  if (missing.length > 0) throw new Error(`runtimes that cannot be installed:\n${missing.join("\n")}`);
  return settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
}

/** A run must have loaded the build its format names: `dist/index.mjs` for ESM, `dist/index.cjs` for CommonJS. */
function entryProblem(kind: RuntimeKind, format: ModuleFormat, entries: string[]): string | undefined {
  if (kind === "workerd" || kind === "chromium") return undefined; // bundled: esbuild picked the ESM build
  const want = format === "esm" ? "/dist/index.mjs" : "/dist/index.cjs";
  const wrong = entries.filter((entry) => !entry.endsWith(want));
  return wrong.length === 0 ? undefined : `loaded ${wrong.join(", ")}, not ${want}`;
}

/** Runs `task` over `items`, at most `size` at once, keeping the items' order in the result. */
async function pool<T, R>(items: T[], size: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return out;
}
