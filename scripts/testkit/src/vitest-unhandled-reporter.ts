// A vitest reporter that writes the run's unhandled errors (which vitest's JSON report leaves out) to the file named
// by CLIENTELE_UNHANDLED_REPORT, so the closing line of `pnpm test` can count them (scripts/testkit/src/test-steps.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Reporter } from "vitest/node";

type UnhandledError = { message?: string; name?: string };

export default class UnhandledErrorsReporter implements Reporter {
  onTestRunEnd(_modules: unknown, unhandledErrors: ReadonlyArray<UnhandledError>): void {
    const path = process.env.CLIENTELE_UNHANDLED_REPORT;
    if (!path) return;
    mkdirSync(dirname(path), { recursive: true });
    const messages = unhandledErrors.map((error) => `${error.name ?? "Error"}: ${error.message ?? String(error)}`);
    writeFileSync(path, JSON.stringify({ unhandledErrors: messages }));
  }
}
