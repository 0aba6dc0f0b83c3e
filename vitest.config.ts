import { availableParallelism } from "node:os";
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
  "scripts/testkit/test/fuzz/contract-fuzz.test.ts",
  "scripts/release/test/smoke.test.ts",
];
/**
 * Files whose tests measure real time on a 300 ms client timeout: they run last, one at a time, so the suite's own
 * workers do not starve them (other load on the machine still can).
 */
const TIMING_FILES = ["packages/core/test/fault-injection.test.ts"];

export default defineConfig({
  test: {
    // Vitest's default on this 2-core machine is one worker, so every file ran in turn. Most files spend their time
    // waiting (on Prism, Chromium, child processes, loopback servers), so a few more workers overlap that waiting.
    maxWorkers: Math.max(4, availableParallelism()),
    // A timeout here only catches a hang; it is no speed check. A loaded 2-core machine running several workers can
    // take half a minute over a test that needs five seconds alone (a full regeneration, a type-check).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ALL,
          exclude: [...MOCK_FILES, ...TIMING_FILES],
          // A worker keeps the modules it imported for the next file instead of importing and transforming them
          // again (core, the generated clients, the scripts' libraries): that re-import was most of this project's
          // CPU time on two cores. Safe because no file here mocks modules or leaves globals, timers or env changed.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: "timing", include: TIMING_FILES, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: {
          name: "mocks",
          include: MOCK_FILES,
          // Starts the mocks without waiting for them; mocks-ready.ts waits before each file that uses them.
          globalSetup: ["scripts/testkit/src/global-setup.ts"],
          setupFiles: ["scripts/testkit/src/mocks-ready.ts"],
        },
      },
    ],
  },
});
