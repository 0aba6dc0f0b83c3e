// How `pnpm test` counts a step: a step that is not vitest is one check; a vitest run counts its tests one by one,
// plus each test file that errored and each unhandled error, so its closing line never says "0 failed" on a
// failing run (test-steps.ts).

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  notes: string[];
}

/** The parts of vitest's JSON report the tally reads. */
export interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
}

/** A step that is not vitest counts as one check. */
export function tallyStep(name: string, status: number): Tally {
  if (status === 0) return { passed: 1, failed: 0, skipped: 0, notes: [] };
  return { passed: 0, failed: 1, skipped: 0, notes: [`failed: ${name} (exit code ${status})`] };
}

/**
 * Counts a vitest run from its JSON report (undefined when vitest wrote none), its exit status and the messages of
 * its unhandled errors, each one failure.
 */
export function tallyVitest(report: VitestReport | undefined, status: number, unhandled: string[] = []): Tally {
  if (!report) {
    return status === 0
      ? { passed: 0, failed: 1, skipped: 0, notes: ["failed: vitest passed but wrote no report to count"] }
      : { passed: 0, failed: 1, skipped: 0, notes: [`failed: vitest (exit code ${status}) before it wrote a report`] };
  }
  const files = report.testResults ?? [];
  const erroredFiles = files.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
  );
  const notes = [
    ...erroredFiles.map((file) => `failed: ${file.name} errored${file.message ? `: ${file.message}` : ""}`),
    ...unhandled.map((message) => `failed: unhandled error in the run: ${message}`),
  ];
  let failed = (report.numFailedTests ?? 0) + erroredFiles.length + unhandled.length;
  if (status !== 0 && failed === 0) {
    failed = 1;
    notes.push(`failed: vitest exited with code ${status} though its report shows no failure (see its output above)`);
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    notes,
  };
}
