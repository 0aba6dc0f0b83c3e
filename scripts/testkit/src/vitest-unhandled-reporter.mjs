// @ts-check
// A vitest reporter that writes the run's unhandled errors (which vitest's JSON report leaves out) to the file named
// by CLIENTELE_UNHANDLED_REPORT, so the closing line of `pnpm test` can count them (scripts/testkit/src/test-steps.mjs).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export default class UnhandledErrorsReporter {
  /**
   * @param {unknown} _modules
   * @param {ReadonlyArray<{ message?: string, name?: string }>} unhandledErrors
   */
  onTestRunEnd(_modules, unhandledErrors) {
    const path = process.env.CLIENTELE_UNHANDLED_REPORT;
    if (!path) return;
    mkdirSync(dirname(path), { recursive: true });
    const messages = unhandledErrors.map((error) => `${error.name ?? "Error"}: ${error.message ?? String(error)}`);
    writeFileSync(path, JSON.stringify({ unhandledErrors: messages }));
  }
}
