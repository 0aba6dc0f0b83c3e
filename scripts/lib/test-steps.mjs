// @ts-check
// The steps of `pnpm test` and its closing line. Every failure counts: a failed test, a test file that errors
// (import error, failed hook: vitest reports no failed test for it), a vitest run that fails with nothing in its
// report (an unhandled error, a global setup that did not start), and a failed step that is not vitest.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";

/**
 * @typedef {object} Step
 * @property {string} name
 * @property {string} command
 * @property {string[]} args
 * @property {{ json: string, unhandled: string }} [report]  where a vitest step writes its JSON report and its
 *   unhandled errors (scripts/lib/vitest-unhandled-reporter.mjs): its tests are counted one by one
 */
/** @typedef {{ passed: number, failed: number, skipped: number, notes: string[] }} Tally */

/**
 * Runs the steps in order and stops at the first that fails; the rest are reported as not run.
 * @param {Step[]} steps
 * @param {{ run?: (step: Step) => number, log?: (line: string) => void }} [io]
 * @returns {{ code: number, line: string }}  the exit code (the failed step's, else 0) and the closing line
 */
export function runSteps(steps, { run = spawnStep, log = console.log } = {}) {
  /** @type {Tally} */
  const total = { passed: 0, failed: 0, skipped: 0, notes: [] };
  let code = 0;
  for (const [index, step] of steps.entries()) {
    // A report left by an earlier run must never stand in for this one.
    for (const path of Object.values(step.report ?? {})) rmSync(path, { force: true });
    const started = Date.now();
    log(`\n▶ ${step.name}`);
    const status = run(step);
    log(`${status === 0 ? "✔" : "✘"} ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    const tally = step.report
      ? tallyVitest(readJson(step.report.json), status, readJson(step.report.unhandled)?.unhandledErrors)
      : tallyStep(step.name, status);
    total.passed += tally.passed;
    total.failed += tally.failed;
    total.skipped += tally.skipped;
    total.notes.push(...tally.notes);
    if (status !== 0) {
      code = status;
      const rest = steps.slice(index + 1).map((s) => s.name);
      if (rest.length > 0) total.notes.push(`not run after that failure: ${rest.join("; ")}`);
      break;
    }
  }
  const line = `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`;
  for (const note of total.notes) log(`  ${note}`);
  log(`\n${line}`);
  return { code, line };
}

/**
 * A step that is not vitest counts as one check.
 * @param {string} name
 * @param {number} status
 * @returns {Tally}
 */
export function tallyStep(name, status) {
  if (status === 0) return { passed: 1, failed: 0, skipped: 0, notes: [] };
  return { passed: 0, failed: 1, skipped: 0, notes: [`failed: ${name} (exit code ${status})`] };
}

/**
 * Counts a vitest run from its JSON report, its exit status and its unhandled errors.
 * @param {any} report  the parsed report, or undefined when vitest wrote none
 * @param {number} status
 * @param {string[]} [unhandled]  the messages of the run's unhandled errors, each one failure
 * @returns {Tally}
 */
export function tallyVitest(report, status, unhandled = []) {
  if (!report) {
    return status === 0
      ? { passed: 0, failed: 1, skipped: 0, notes: ["failed: vitest passed but wrote no report to count"] }
      : { passed: 0, failed: 1, skipped: 0, notes: [`failed: vitest (exit code ${status}) before it wrote a report`] };
  }
  /** @type {{ name: string, status: string, message?: string, assertionResults: { status: string }[] }[]} */
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

/** @param {string} path */
function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Runs one step with the terminal attached.
 * @param {Step} step
 * @param {string} [cwd]
 */
export function spawnStep(step, cwd = process.cwd()) {
  const result = spawnSync(step.command, step.args, {
    cwd,
    stdio: "inherit",
    env: { ...process.env, FORCE_COLOR: "1", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  return result.status ?? 1;
}
