#!/usr/bin/env node
// @ts-check
// `pnpm test`: every check, in order of cost, failing fast. Runs the tools' binaries directly so it needs no
// pnpm at run time, and closes with one "N passed, N failed, N skipped" line for CI that counts every failure, a
// failed step or a test file that errors too (scripts/testkit/src/test-steps.mjs).
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { repoRoot } from "@clientele/registry/root";
import { runSteps, spawnStep } from "./test-steps.mjs";

const root = repoRoot;
const bin = (/** @type {string} */ name) => join(root, "node_modules", ".bin", name);
const report = {
  json: join(root, ".artifacts", "vitest.json"),
  unhandled: join(root, ".artifacts", "vitest-unhandled.json"),
};
const step = (/** @type {string} */ name, /** @type {string} */ command, /** @type {string[]} */ args) => ({
  name,
  command,
  args,
});

// Two groups whose steps run at once (scripts/testkit/src/test-steps.mjs): on two cores the type check, the package build
// and the lints overlap, and the consumer matrix (mostly waiting on its runtimes) overlaps vitest. A failure in the
// first group still stops vitest; every step is counted and a failed one named in the closing line.
/** @type {(import("./test-steps.mjs").Step | import("./test-steps.mjs").Step[])[]} */
const steps = [
  [
    step("lint: biome", bin("biome"), ["check", "."]),
    step("lint: redocly", bin("redocly"), ["lint", "--format=summary"]),
    step("lint: security (OWASP)", process.execPath, [
      "--import",
      "tsx",
      join(root, "scripts", "release", "src", "security-lint.mjs"),
    ]),
    // Through the bootstrap: it answers from the last passing check's record without starting TypeScript.
    step("generate --check", process.execPath, [join(root, "scripts", "bootstrap.mjs"), "generate", "--check"]),
    step("release: changed packages have a changeset", process.execPath, [
      "--import",
      "tsx",
      join(root, "scripts", "release", "src", "check-changesets.mjs"),
    ]),
    step("release: API changes vs pending bumps", process.execPath, [
      "--import",
      "tsx",
      join(root, "scripts", "release", "src", "check-api-changes.mjs"),
    ]),
    // tsc's own incremental state (outside the repository's files): a rerun re-checks only what changed.
    step("typecheck", bin("tsc"), [
      "-p",
      ".",
      "--incremental",
      "--tsBuildInfoFile",
      join(root, "node_modules", ".cache", "clientele", "typecheck.tsbuildinfo"),
    ]),
    // Builds and packs once; the consumer matrix and vitest's smoke and test-kit tests reuse the installed tarballs.
    step("packages: build, pack, publint, attw, sizes", process.execPath, [
      "--import",
      "tsx",
      join(root, "scripts", "release", "src", "check-packages.mjs"),
    ]),
  ],
  [
    // Installs those tarballs into a fresh project and runs them on every runtime users run (needs no rebuild).
    step("packages: consumer matrix (Node, Bun, Deno, workerd, Chromium)", process.execPath, [
      "--import",
      "tsx",
      join(root, "scripts", "release", "src", "consumer", "run.mjs"),
    ]),
    {
      name: "vitest",
      command: bin("vitest"),
      args: [
        "run",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${report.json}`,
        `--reporter=${join(import.meta.dirname, "vitest-unhandled-reporter.mjs")}`,
        ...process.argv.slice(2),
      ],
      report,
    },
  ],
];

mkdirSync(dirname(report.json), { recursive: true });
process.env.CLIENTELE_UNHANDLED_REPORT = report.unhandled;
const { code } = await runSteps(steps, { run: (s, output) => spawnStep(s, root, output) });
process.exit(code);
