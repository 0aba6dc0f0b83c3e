#!/usr/bin/env node
// @ts-check
// `pnpm test`: every check, in order of cost, failing fast. Runs the tools' binaries directly so it needs no
// pnpm at run time, and closes with one "N passed, N failed" line for CI.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (/** @type {string} */ name) => join(root, "node_modules", ".bin", name);
const report = join(root, ".artifacts", "vitest.json");

/** @type {[string, string, string[]][]} */
const steps = [
  ["lint: biome", bin("biome"), ["check", "."]],
  ["lint: redocly", bin("redocly"), ["lint", "--format=summary"]],
  ["lint: security (OWASP)", process.execPath, [join(root, "scripts", "security-lint.mjs")]],
  ["generate --check", process.execPath, [join(root, "scripts", "generate.mjs"), "--check"]],
  ["typecheck", bin("tsc"), ["-p", "."]],
  ["release: changed packages have a changeset", process.execPath, [join(root, "scripts", "check-changesets.mjs")]],
  ["release: API changes vs pending bumps", process.execPath, [join(root, "scripts", "check-api-changes.mjs")]],
  // Builds and packs once; vitest's smoke test (tests/packages/) reuses the installed tarballs.
  ["packages: build, pack, publint, attw, sizes", process.execPath, [join(root, "scripts", "check-packages.mjs")]],
  // Installs those tarballs into a fresh project and runs them on every runtime users run (needs no rebuild).
  [
    "packages: consumer matrix (Node, Bun, Deno, workerd, Chromium)",
    process.execPath,
    [join(root, "scripts", "consumer", "run.mjs")],
  ],
  [
    "vitest",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  ],
];

mkdirSync(dirname(report), { recursive: true });
// A report left by an earlier run must never stand in for this one.
rmSync(report, { force: true });
for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, FORCE_COLOR: "1", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  console.log(`${result.status === 0 ? "✔" : "✘"} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (result.status !== 0) {
    summarize();
    process.exit(result.status ?? 1);
  }
}
summarize();

/** The closing line CI reads; only vitest counts tests. */
function summarize() {
  try {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(readFileSync(report, "utf8"));
    console.log(`\n${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`);
  } catch {
    // vitest did not get to run: the failing step above says why.
  }
}
