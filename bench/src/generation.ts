import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readRegistry } from "@clientele/registry/registry";
import { median } from "./stats.js";

export type Generator = "clientele" | "clientele --check" | "@hey-api/openapi-ts" | "orval";

export interface GeneratorResult {
  generator: Generator;
  /** Wall time of each run, in ms (whole process: start-up, reading the specs, writing the output). */
  runs: number[];
  median: number;
  /** Providers whose output the generator failed to produce, with its first error line. */
  failures: { provider: string; error: string }[];
}

/** A file of an installed package, found from its entry point (neither package exports its package.json). */
const entry = (name: string) => fileURLToPath(import.meta.resolve(name));

/**
 * Every generator starts as a fresh process over the same four specs, as a developer runs it; output goes to a
 * scratch copy, so a benchmark never touches the working tree.
 */
export async function measureGeneration(root: string, runs: number): Promise<GeneratorResult[]> {
  const providers = await readRegistry(root);
  const scratch = mkdtempSync(join(tmpdir(), "clientele-bench-generate-"));
  try {
    // Our pipeline, copied whole (specs, registry, generator, the packages it reads); node_modules is linked so
    // imports resolve.
    for (const path of [
      ...["redocly.yaml", "package.json", "pnpm-lock.yaml", "tsconfig.base.json", "biome.json"],
      ...["specs", "scripts", "packages"],
    ]) {
      cpSync(join(root, path), join(scratch, path), {
        recursive: true,
        // pnpm's links stay links: relative ones still resolve, through the linked root node_modules.
        verbatimSymlinks: true,
        filter: (source) => !/[\\/]dist$/.test(source),
      });
    }
    symlinkSync(join(root, "node_modules"), join(scratch, "node_modules"));
    // As `pnpm generate` runs it: through the bootstrap, which runs the generator compiled (built once per change to
    // the tools' sources; the copy leaves out dist/, so the first run here builds it).
    const ours = [join(scratch, "scripts", "bootstrap.mjs"), "generate"];

    const heyApiOut = join(scratch, "hey-api");
    const heyApiConfig = join(scratch, "hey-api.config.mjs");
    writeFileSync(
      heyApiConfig,
      `import { createClient } from ${JSON.stringify(entry("@hey-api/openapi-ts"))};\n` +
        `await createClient(${JSON.stringify(
          providers.map((p) => ({
            input: join(root, p.spec),
            output: join(heyApiOut, p.id),
            logs: { level: "error", file: false },
          })),
        )});\n`,
    );

    const orvalOut = join(scratch, "orval");
    const orvalConfig = join(scratch, "orval.config.cjs");
    writeFileSync(
      orvalConfig,
      `module.exports = ${JSON.stringify(
        Object.fromEntries(
          providers.map((p) => [
            p.id,
            { input: join(root, p.spec), output: { target: join(orvalOut, `${p.id}.ts`), client: "fetch" } },
          ]),
        ),
        null,
        2,
      )};\n`,
    );

    const jobs: { generator: Generator; args: string[]; before?: () => void }[] = [
      // Cold: a fresh process renders every file of every provider (the copy holds the committed output, so
      // what differs is written; the renderers run in full either way).
      { generator: "clientele", args: ours },
      // Runs after a cold generate, so the stamps are fresh: the everyday `pnpm test` case.
      { generator: "clientele --check", args: [...ours, "--check"] },
      {
        generator: "@hey-api/openapi-ts",
        args: [heyApiConfig],
        before: () => rmSync(heyApiOut, { recursive: true, force: true }),
      },
      {
        generator: "orval",
        args: [join(entry("orval"), "..", "bin", "orval.js"), "--config", orvalConfig],
        before: () => {
          rmSync(orvalOut, { recursive: true, force: true });
          mkdirSync(orvalOut);
        },
      },
    ];

    const results: GeneratorResult[] = jobs.map((job) => ({
      generator: job.generator,
      runs: [],
      median: 0,
      failures: [],
    }));
    // Round-robin, so each generator sees the same machine conditions.
    for (let run = 0; run < runs; run++) {
      for (const [i, job] of jobs.entries()) {
        job.before?.();
        const started = performance.now();
        const outcome = spawnSync(process.execPath, job.args, { cwd: scratch, encoding: "utf8" });
        const elapsed = performance.now() - started;
        const result = results[i] as GeneratorResult;
        result.runs.push(elapsed);
        if (run === 0)
          result.failures = failuresOf(
            job.generator,
            outcome,
            providers.map((p) => p.id),
          );
      }
      process.stdout.write(".");
    }
    process.stdout.write("\n");
    for (const result of results) result.median = median(result.runs);
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Which providers a run failed on. orval reports per project (`🛑 <project> - <error>`); the others fail whole. */
function failuresOf(
  generator: Generator,
  outcome: { status: number | null; stdout: string; stderr: string },
  providers: string[],
): GeneratorResult["failures"] {
  const output = `${outcome.stdout}\n${outcome.stderr}`;
  if (generator === "orval") {
    return providers.flatMap((provider) => {
      const line = output.split("\n").find((l) => l.includes(`🛑 ${provider} - `));
      return line ? [{ provider, error: line.slice(line.indexOf(" - ") + 3).trim() }] : [];
    });
  }
  if (outcome.status === 0) return [];
  const error = output.split("\n").find((l) => l.trim() !== "") ?? `exit code ${outcome.status}`;
  return [{ provider: "all", error: error.trim() }];
}
