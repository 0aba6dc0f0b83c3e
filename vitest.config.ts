import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { defineConfig } from "vitest/config";

const ALL = [
  "packages/*/test/**/*.test.ts",
  "scripts/*/test/**/*.test.ts",
  "twins/test/**/*.test.ts",
  "examples/*/test/**/*.test.ts",
];
/** The files that call the shared Prism mocks (`inject("mockUrls")`); scripts/testkit/test/projects.test.ts keeps it so. */
export const MOCK_FILES = [
  "packages/*/test/contract.test.ts",
  "packages/cyclesoftware/test/runtime.test.ts",
  "scripts/testkit/test/providers/contract.test.ts",
  "scripts/testkit/test/fuzz/contract-fuzz.test.ts",
  "scripts/release/test/smoke.test.ts",
];
/**
 * Files whose tests measure real time on a 300 ms client timeout: they run last, one at a time, so the suite's own
 * workers do not starve them (other load on the machine still can).
 */
const TIMING_FILES = ["packages/core/test/fault-injection.test.ts"];

/**
 * The workspace package a command runs in, relative to the root: the nearest folder from `cwd` up that has a
 * package.json ("" at the root or outside it). A package's `pnpm test` is `vitest run --root ../..` from its folder.
 */
export function packageFolder(root: string, cwd: string): string {
  for (let dir = cwd; relative(root, dir) !== "" && !relative(root, dir).startsWith(".."); dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return relative(root, dir).split(sep).join("/");
  }
  return "";
}

/**
 * The part of each pattern inside `folder`: a pattern whose leading segments match the folder's (`*` matching any
 * one) continues from the folder; any other pattern matches nothing there and is left out.
 */
export function narrowTo(folder: string, patterns: string[]): string[] {
  if (folder === "") return patterns;
  const segments = folder.split("/");
  return patterns.flatMap((pattern) => {
    const parts = pattern.split("/");
    const matches = segments.every((segment, i) => parts[i] === "*" || parts[i] === segment);
    return matches && !parts.slice(0, segments.length).includes("**")
      ? [[folder, ...parts.slice(segments.length)].join("/")]
      : [];
  });
}

// Run from a package's folder, each project keeps only that package's files (and a project left with none is not
// started, so a package without contract tests starts no Prism mock).
const here = packageFolder(import.meta.dirname, process.cwd());
const projects = [
  {
    name: "unit",
    include: ALL,
    exclude: [...MOCK_FILES, ...TIMING_FILES],
    // A worker keeps the modules it imported for the next file instead of importing and transforming them
    // again (core, the generated clients, the scripts' libraries): that re-import was most of this project's
    // CPU time on two cores. Safe because no file here mocks modules or leaves globals, timers or env changed.
    isolate: false,
  },
  { name: "timing", include: TIMING_FILES, maxWorkers: 1, sequence: { groupOrder: 1 } },
  {
    name: "mocks",
    include: MOCK_FILES,
    // Starts the mocks without waiting for them; mocks-ready.ts waits before each file that uses them.
    globalSetup: ["scripts/testkit/src/global-setup.ts"],
    setupFiles: ["scripts/testkit/src/mocks-ready.ts"],
  },
]
  .map((project) => ({ ...project, include: narrowTo(here, project.include) }))
  .filter((project) => project.include.length > 0);

export default defineConfig({
  test: {
    // Vitest's default on this 2-core machine is one worker, so every file ran in turn. Most files spend their time
    // waiting (on Prism, Chromium, child processes, loopback servers), so a few more workers overlap that waiting.
    maxWorkers: Math.max(4, availableParallelism()),
    // A timeout here only catches a hang; it is no speed check. A loaded 2-core machine running several workers can
    // take half a minute over a test that needs five seconds alone (a full regeneration, a type-check).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: projects.map((test) => ({ extends: true, test })),
  },
});
