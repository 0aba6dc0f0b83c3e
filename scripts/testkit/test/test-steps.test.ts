import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "@clientele/registry/root";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runSteps, spawnStep, tallyStep, tallyVitest } from "../src/test-steps.js";

// The closing line of `pnpm test` (scripts/testkit/src/test.ts) must count every failure, never "0 failed" on a failing run.

const root = repoRoot;
const node = (code: string) => ({ command: process.execPath, args: ["-e", code] });
const file = (status: "passed" | "failed", tests: string[], message = "") => ({
  name: `/repo/${status}.test.ts`,
  status,
  message,
  assertionResults: tests.map((s) => ({ status: s })),
});
const report = (passed: number, failed: number, files: ReturnType<typeof file>[]) => ({
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: 1,
  numTodoTests: 0,
  testResults: files,
});

describe("tallyVitest", () => {
  test.each([
    ["a green run", { given: [report(3, 0, [file("passed", ["passed"])]), 0, []], want: [3, 0] }],
    ["failed tests", { given: [report(3, 2, [file("failed", ["failed", "failed"])]), 1, []], want: [3, 2] }],
    [
      "a file that errors before any test (import error, failed hook)",
      { given: [report(3, 0, [file("failed", [], "cannot import")]), 1, []], want: [3, 1] },
    ],
    ["unhandled errors, each one", { given: [report(3, 0, []), 1, ["Error: a", "Error: b"]], want: [3, 2] }],
    ["a non-zero exit with a clean report", { given: [report(3, 0, []), 1, []], want: [3, 1] }],
    ["no report at all (global setup failed)", { given: [undefined, 1, []], want: [0, 1] }],
    ["exit 0 but no report", { given: [undefined, 0, []], want: [0, 1] }],
  ] as const)("%s", (_, { given: [json, status, unhandled], want: [passed, failed] }) => {
    const tally = tallyVitest(json, status, [...unhandled]);
    expect([tally.passed, tally.failed]).toEqual([passed, failed]);
    // Failed tests are listed by vitest itself; every other failure is named in a note.
    const named = failed - (json?.numFailedTests ?? 0);
    expect(tally.notes.filter((note) => note.startsWith("failed: "))).toHaveLength(named);
  });
});

test("a step that is not vitest counts as one check, named when it fails", () => {
  expect(tallyStep("typecheck", 0)).toEqual({ passed: 1, failed: 0, skipped: 0, notes: [] });
  expect(tallyStep("typecheck", 2)).toEqual({
    passed: 0,
    failed: 1,
    skipped: 0,
    notes: ["failed: typecheck (exit code 2)"],
  });
});

test("runSteps stops at a failed step, counts it, names what did not run and returns its exit code", async () => {
  const lines: string[] = [];
  const ran: string[] = [];
  const { code, line } = await runSteps(
    [
      { name: "lint", ...node("process.exit(0)") },
      { name: "typecheck", ...node("process.exit(3)") },
      { name: "vitest", ...node("process.exit(0)") },
    ],
    {
      run: (step, output) => {
        ran.push(step.name);
        return spawnStep(step, root, output);
      },
      log: (text) => lines.push(text),
    },
  );
  expect(ran).toEqual(["lint", "typecheck"]);
  expect(code).toBe(3);
  expect(line).toBe("1 passed, 1 failed, 0 skipped");
  expect(lines.at(-1)).toBe(`\n${line}`);
  expect(lines.join("\n")).toContain("not run after that failure: vitest");
});

test("a group runs its steps at once, finishes whole, counts and names every failure, and stops what follows", async () => {
  const lines: string[] = [];
  const ran: string[] = [];
  // Each step waits for a file the other writes: run one after the other, neither could finish.
  const dir = await mkdtemp(join(tmpdir(), "clientele-test-steps-"));
  const meet = (mine: string, theirs: string, exit: number) =>
    node(
      `const fs=require("fs");fs.writeFileSync(${JSON.stringify(join(dir, mine))},"");` +
        `const t=setInterval(()=>{if(fs.existsSync(${JSON.stringify(join(dir, theirs))})){clearInterval(t);` +
        `console.log("${mine} met ${theirs}");console.error("${mine} on stderr");process.exit(${exit})}},20);`,
    );
  try {
    const { code, line } = await runSteps(
      [
        [
          { name: "lint", ...meet("a", "b", 0) },
          { name: "typecheck", ...meet("b", "a", 4) },
          { name: "security", ...node("process.exit(5)") },
        ],
        { name: "vitest", ...node("process.exit(0)") },
      ],
      {
        run: (step, output) => {
          ran.push(step.name);
          return spawnStep(step, root, output);
        },
        log: (text) => lines.push(text),
      },
    );
    expect(ran).toEqual(["lint", "typecheck", "security"]);
    expect(code).toBe(4);
    expect(line).toBe("1 passed, 2 failed, 0 skipped");
    const all = lines.join("\n");
    expect(all).toContain("failed: typecheck (exit code 4)");
    expect(all).toContain("failed: security (exit code 5)");
    expect(all).toContain("not run after that failure: vitest");
    // A buffered step's output is one block between its header and its result line.
    const lint = lines.find((text) => text.startsWith("\n▶ lint\n"));
    expect(lint).toMatch(/^\n▶ lint\n[\s\S]*a met b[\s\S]*\n✔ lint \(\d+\.\d s\)$/);
    expect(lint).toContain("a on stderr");
    expect(lines).toContain("\n▶ security");
    expect(lines.some((text) => /^✘ security \(\d+\.\d s\)$/.test(text))).toBe(true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

describe("a real vitest run that fails without a failed test", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "clientele-test-steps-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test("counts the file that cannot be imported and the unhandled error", async () => {
    const json = join(dir, "vitest.json");
    const unhandled = join(dir, "unhandled.json");
    const lines: string[] = [];
    process.env.CLIENTELE_UNHANDLED_REPORT = unhandled;
    const { code, line } = await runSteps(
      [
        {
          name: "vitest (failing fixture)",
          command: join(root, "node_modules", ".bin", "vitest"),
          args: [
            "run",
            "--config",
            join(import.meta.dirname, "fixtures", "failing-vitest", "vitest.config.ts"),
            "--reporter=json",
            `--outputFile.json=${json}`,
            `--reporter=${join(root, "scripts", "testkit", "src", "vitest-unhandled-reporter.ts")}`,
          ],
          report: { json, unhandled },
        },
      ],
      { run: (step, output) => spawnStep(step, root, output), log: (text) => lines.push(text) },
    );
    delete process.env.CLIENTELE_UNHANDLED_REPORT;
    expect(code).not.toBe(0);
    // Vitest's own report says 2 passed and 0 failed tests.
    expect(line).toBe("2 passed, 2 failed, 0 skipped");
    const notes = lines.join("\n");
    expect(notes).toMatch(/import-error\.fixture\.ts errored: this file cannot be imported/);
    expect(notes).toContain("unhandled error in the run: Error: unhandled after the assertion");
  }, 120_000);
});
