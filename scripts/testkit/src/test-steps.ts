// The steps of `pnpm test` and its closing line. Every failure counts: a failed test, a test file that errors
// (import error, failed hook: vitest reports no failed test for it), a vitest run that fails with nothing in its
// report (an unhandled error, a global setup that did not start), and a failed step that is not vitest.
// Independent steps may form a group that runs at once (most of them wait on I/O or leave a core idle); a group
// still finishes whole, every step in it is counted and every failed one named, and nothing after it runs.
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { type Tally, tallyStep, tallyVitest, type VitestReport } from "./tally.js";

export { type Tally, tallyStep, tallyVitest, type VitestReport } from "./tally.js";

export interface Step {
  name: string;
  command: string;
  args: string[];
  /** Where a vitest step writes its JSON report and its unhandled errors (vitest-unhandled-reporter.ts): its tests
   * are counted one by one. */
  report?: { json: string; unhandled: string };
}

/**
 * Runs a step and resolves to its exit status. With `output`, the step's output goes there (it runs beside
 * others and is printed as one block when it ends); without, it goes straight to the terminal.
 */
export type RunStep = (step: Step, output?: (text: string) => void) => number | Promise<number>;

interface StepIo {
  run: RunStep;
  log: (line: string) => void;
}

/**
 * Runs the steps in order and stops after the first step, or group of steps, that fails; the rest are reported as
 * not run. An array in `steps` is a group: its steps run at the same time, the last one's output live and every
 * other's printed whole when it ends, each under its own name and duration. Resolves to the exit code (the first
 * failed step's, in the order listed, else 0) and the closing line.
 */
export async function runSteps(
  steps: (Step | Step[])[],
  { run = (step, output) => spawnStep(step, process.cwd(), output), log = console.log }: Partial<StepIo> = {},
): Promise<{ code: number; line: string }> {
  const total: Tally = { passed: 0, failed: 0, skipped: 0, notes: [] };
  let code = 0;
  for (const [index, entry] of steps.entries()) {
    const group = Array.isArray(entry) ? entry : [entry];
    const statuses = await Promise.all(
      group.map((step, position) => runOne(step, position === group.length - 1, { run, log })),
    );
    for (const [position, step] of group.entries()) {
      const status = statuses[position] ?? 1;
      const tally = step.report
        ? tallyVitest(
            readJson<VitestReport>(step.report.json),
            status,
            readJson<{ unhandledErrors?: string[] }>(step.report.unhandled)?.unhandledErrors,
          )
        : tallyStep(step.name, status);
      total.passed += tally.passed;
      total.failed += tally.failed;
      total.skipped += tally.skipped;
      total.notes.push(...tally.notes);
      if (status !== 0 && code === 0) code = status;
    }
    if (code !== 0) {
      const rest = steps.slice(index + 1).flatMap((s) => (Array.isArray(s) ? s : [s]).map((step) => step.name));
      if (rest.length > 0) total.notes.push(`not run after that failure: ${rest.join("; ")}`);
      break;
    }
  }
  const line = `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`;
  for (const note of total.notes) log(`  ${note}`);
  log(`\n${line}`);
  return { code, line };
}

/** One step with its header and result line: live, or buffered and logged as one block when it ends. */
async function runOne(step: Step, live: boolean, { run, log }: StepIo): Promise<number> {
  // A report left by an earlier run must never stand in for this one.
  for (const path of Object.values(step.report ?? {})) rmSync(path, { force: true });
  const started = Date.now();
  const buffered: string[] = [];
  if (live) log(`\n▶ ${step.name}`);
  let status: number;
  try {
    status = await run(step, live ? undefined : (text) => buffered.push(text));
  } catch (error) {
    buffered.push(`${error instanceof Error ? error.message : String(error)}\n`);
    status = 1;
  }
  const result = `${status === 0 ? "✔" : "✘"} ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`;
  if (live) log(result);
  else log(`\n▶ ${step.name}\n${buffered.join("").replace(/\n$/, "")}${buffered.length > 0 ? "\n" : ""}${result}`);
  return status;
}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/**
 * Runs one step with the terminal attached, or with its output (stdout and stderr in the order they came) handed
 * to `output`.
 */
export function spawnStep(step: Step, cwd = process.cwd(), output?: (text: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      cwd,
      stdio: output ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, FORCE_COLOR: "1", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    });
    if (output) {
      child.stdout?.setEncoding("utf8").on("data", output);
      child.stderr?.setEncoding("utf8").on("data", output);
    }
    child.on("error", (error) => {
      output?.(`${step.name}: ${error.message}\n`);
      if (!output) console.error(`${step.name}: ${error.message}`);
      resolve(1);
    });
    child.on("close", (status) => resolve(status ?? 1));
  });
}
