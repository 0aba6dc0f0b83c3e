#!/usr/bin/env node
// `pnpm test`: every check, in order of cost, failing fast. Runs the tools' binaries directly so it needs no
// pnpm at run time, and closes with one "N passed, N failed, N skipped" line for CI that counts every failure, a
// failed step or a test file that errors too (scripts/testkit/src/test-steps.ts).
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { repoRoot } from "@clientele/registry/root";
import { runSteps, type Step, spawnStep } from "./test-steps.js";

const root = repoRoot;
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const report = {
  json: join(root, ".artifacts", "vitest.json"),
  unhandled: join(root, ".artifacts", "vitest-unhandled.json"),
};
const step = (name: string, command: string, args: string[]): Step => ({ name, command, args });
/** One of our own commands (a TypeScript workspace package under scripts/), run under tsx as `pnpm <command>` does. */
const tool = (name: string, file: string, ...args: string[]): Step =>
  step(name, process.execPath, ["--import", "tsx", join(root, "scripts", file), ...args]);

// Two groups whose steps run at once (scripts/testkit/src/test-steps.ts): on two cores the type check, the package build
// and the lints overlap, and the consumer matrix (mostly waiting on its runtimes) overlaps vitest. A failure in the
// first group still stops vitest; every step is counted and a failed one named in the closing line.
const steps: (Step | Step[])[] = [
  [
    step("lint: biome", bin("biome"), ["check", "."]),
    step("lint: redocly", bin("redocly"), ["lint", "--format=summary"]),
    tool("lint: security (OWASP)", "release/src/security-lint.ts"),
    // Through the bootstrap: it answers from the last passing check's record without starting TypeScript.
    step("generate --check", process.execPath, [join(root, "scripts", "bootstrap.mjs"), "generate", "--check"]),
    tool("release: changed packages have a changeset", "release/src/check-changesets.ts"),
    tool("release: API changes vs pending bumps", "release/src/check-api-changes.ts"),
    // tsc's own incremental state (outside the repository's files): a rerun re-checks only what changed.
    step("typecheck", bin("tsc"), [
      "-p",
      ".",
      "--incremental",
      "--tsBuildInfoFile",
      join(root, "node_modules", ".cache", "clientele", "typecheck.tsbuildinfo"),
    ]),
    // Builds and packs once; the consumer matrix and vitest's smoke and test-kit tests reuse the installed tarballs.
    tool("packages: build, pack, publint, attw, sizes", "release/src/check-packages.ts"),
  ],
  [
    // Installs those tarballs into a fresh project and runs them on every runtime users run (needs no rebuild).
    tool("packages: consumer matrix (Node, Bun, Deno, workerd, Chromium)", "release/src/consumer/run.ts"),
    {
      name: "vitest",
      command: bin("vitest"),
      args: [
        "run",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${report.json}`,
        `--reporter=${join(import.meta.dirname, "vitest-unhandled-reporter.ts")}`,
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
