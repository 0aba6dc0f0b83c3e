// The consumer's type check: the packages' shipped declarations under every module resolution users set.
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import type { SmokeRun } from "./consumer.ts";

const run = promisify(execFile);

/** What TypeScript users set: every resolution a package can be consumed under, in both kinds of package. */
export const TYPECHECK_SETUPS = ["node16", "nodenext", "bundler"].flatMap((resolution) =>
  (["module", "commonjs"] as const).map((type) => ({ resolution, type })),
);

/**
 * Type-checks a consumer of every package against the shipped declarations (`skipLibCheck` off) under each of
 * TYPECHECK_SETUPS: `moduleResolution` node16, nodenext and bundler, in a `"type": "module"` and a
 * `"type": "commonjs"` project (so node16/nodenext read the `.d.cts` declarations of the require condition there),
 * with the strictest options users turn on. The calls are the smoke test's, plus per-call options and the errors.
 * @param root the repository (for its TypeScript)
 * @param more further consumer code, e.g. a test suite's use of the twins
 * @returns tsc's complaints, each under its setup; empty when clean
 */
export async function typecheckConsumer(root: string, dir: string, runs: SmokeRun[], more: string[] = []) {
  const lines = runs.flatMap(({ name, smoke }, i) => {
    const options = JSON.stringify({ ...smoke.options, baseUrl: "http://127.0.0.1:1" });
    const args = smoke.args.map((a) => JSON.stringify(a)).join(", ");
    return [
      `import * as p${i} from ${JSON.stringify(name)};`,
      `export const client${i} = p${i}.${smoke.client}(${options});`,
      `export const call${i} = client${i}.${smoke.operation}(${args});`,
      `export const withOptions${i} = client${i}.${smoke.operation}(${args}, { timeout: 1_000, maxRetries: 0 });`,
      `export const standalone${i} = p${i}.${smoke.operation}(p${i}.${smoke.transport}(${options}), ${args});`,
      `export const isApiError${i} = (e: unknown): e is InstanceType<typeof p${i}.ApiError> => e instanceof p${i}.ApiError;`,
      `export const status${i} = (e: unknown): number | undefined => (e instanceof p${i}.NotFoundError ? e.status : undefined);`,
      `export const timedOut${i} = (e: unknown): boolean => e instanceof p${i}.TimeoutError;`,
    ];
  });
  const results = await Promise.all(
    TYPECHECK_SETUPS.map(async ({ resolution, type }) => {
      const project = join(dir, "typecheck", `${resolution}-${type}`);
      await mkdir(project, { recursive: true });
      await writeFile(join(project, "package.json"), `${JSON.stringify({ name: "consumer", type }, null, 2)}\n`);
      await writeFile(join(project, "consumer.ts"), `${[...lines, ...more].join("\n")}\n`);
      const module = resolution === "bundler" ? "Preserve" : resolution === "node16" ? "Node16" : "NodeNext";
      const tsconfig = {
        compilerOptions: {
          target: "ES2022",
          module,
          moduleResolution: resolution,
          lib: ["ES2022", "DOM"],
          types: [],
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          // The shipped .d.ts files are what is under test; TypeScript's own lib files need no checking.
          skipLibCheck: false,
          skipDefaultLibCheck: true,
          noEmit: true,
        },
        files: ["consumer.ts"],
      };
      await writeFile(join(project, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
      try {
        await run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", project], {
          cwd: project,
        });
        return "";
      } catch (error) {
        const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
        return `moduleResolution ${resolution}, "type": "${type}":\n${`${stdout}${stderr}`.trim() || String(error)}`;
      }
    }),
  );
  return results.filter(Boolean).join("\n\n");
}
