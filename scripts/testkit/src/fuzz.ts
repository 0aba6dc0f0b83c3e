#!/usr/bin/env node
// `pnpm fuzz [--runs N] [--seed N]`: the contract fuzzing of `pnpm test` at a much larger count (300 inputs per
// operation and property unless told otherwise) and, unless --seed is given, a fresh seed, printed so a failure
// can be replayed with `pnpm fuzz --seed <seed>`.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "@clientele/registry/root";

const root = repoRoot;
const args = process.argv.slice(2);
const values: Record<string, string> = { runs: "300", seed: String(Math.floor(Math.random() * 2 ** 31)) };
for (let i = 0; i < args.length; i += 2) {
  const name = args[i]?.replace(/^--/, "");
  const value = args[i + 1];
  if (!name || !(name in values) || value === undefined || !/^-?\d+$/.test(value)) {
    console.error(`fuzz: bad argument ${args.slice(i, i + 2).join(" ")}; usage: pnpm fuzz [--runs N] [--seed N]`);
    process.exit(2);
  }
  values[name] = value;
}
console.log(`fuzz: ${values.runs} inputs per operation and property, seed ${values.seed}`);
const result = spawnSync(join(root, "node_modules", ".bin", "vitest"), ["run", "scripts/testkit/test/fuzz"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, FUZZ_RUNS: values.runs, FUZZ_SEED: values.seed },
});
process.exit(result.status ?? 1);
