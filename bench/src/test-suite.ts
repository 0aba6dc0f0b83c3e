// The whole `pnpm test` as a user runs it, timed: the suite's wall time is a target like any other figure here.
// It runs last, after every other measurement has stopped its servers, so the two never share the machine.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";

export interface SuiteResult {
  /** Wall time of the whole run, in milliseconds. */
  ms: number;
  /** Its closing line ("N passed, N failed, N skipped"), or why there was none. */
  closingLine: string;
  passed: boolean;
  /** Each step's own line (`✔ typecheck (24.9 s)`), in the order they ended. */
  steps: { name: string; seconds: number; ok: boolean }[];
}

const STEP_LINE = /^([✔✘]) (.+) \((\d+(?:\.\d+)?) s\)$/;
const CLOSING_LINE = /^\d+ passed, \d+ failed, \d+ skipped$/;

/** Reads what `pnpm test` printed: its steps' result lines and its closing line. */
export function readSuiteOutput(output: string, exitCode: number, ms: number): SuiteResult {
  const steps: SuiteResult["steps"] = [];
  let closingLine = "";
  for (const line of stripVTControlCharacters(output).split("\n")) {
    const step = STEP_LINE.exec(line.trim());
    if (step) steps.push({ name: step[2] as string, seconds: Number(step[3]), ok: step[1] === "✔" });
    if (CLOSING_LINE.test(line.trim())) closingLine = line.trim();
  }
  return {
    ms,
    closingLine: closingLine || `no closing line (exit code ${exitCode})`,
    passed: exitCode === 0 && closingLine !== "",
    steps,
  };
}

/** Runs README's test command (through the bootstrap, as `pnpm test` does) in `root` and times it. */
export function measureTestSuite(root: string): Promise<SuiteResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "scripts", "bootstrap.mjs"), "test"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      output += text;
    });
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      output += text;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve(readSuiteOutput(output, code ?? 1, performance.now() - started)));
  });
}
