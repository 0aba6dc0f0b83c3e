import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "@clientele/registry/root";
import { afterAll, describe, expect, it } from "vitest";

const root = repoRoot;
const fixtures = join(import.meta.dirname, "fixtures");
const run = promisify(execFile);

/** `pnpm drift …` as a user runs it; resolves with the exit code and output either way. */
async function drift(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/drift/src/main.ts", ...args], {
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const dir = await mkdtemp(join(tmpdir(), "drift-cli-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("pnpm drift", () => {
  it.each([
    [
      "a HAR file (CycleSoftware)",
      {
        given: ["cyclesoftware", join(fixtures, "cyclesoftware-session.har")],
        want: [
          "entry 2: GET /api/v1/customers/1006.json → 200",
          '  getCustomer 200: header:x-ratelimit-daily-reset: expected the documented x-ratelimit-daily-reset header, got nothing. The spec inferred this: 004_c8c2aa229665ab2a.txt only shows "X-RateLimit-Daily-Reset: 1678230000"',
          '  getCustomer 200: /note: expected no such property (not in the spec), got string "pw [redacted]"',
          "entry 3: GET /api/v1/customers/7.json → 403",
          "  getCustomer 403: the status: expected a documented status (200, 401, 404, 429), got 403",
          "drift: 3 exchange(s) checked against specs/cyclesoftware.yaml, 3 report(s)",
        ],
      },
    ],
    [
      "JSON Lines (Cube4sales)",
      {
        given: ["cube4sales", join(fixtures, "cube4sales-session.jsonl")],
        want: [
          "line 2: GET /crm/customers → 200",
          '  listCustomers 200: /0/gender: expected string or null, got integer 1. The spec inferred this: The only example record (003_26256d138a21d3aa.txt) shows `"gender": null`',
          "line 4: GET /crm/assignments → 200",
          "  no operation of cube4sales matches this request",
          "drift: 4 exchange(s) checked against specs/cube4sales.yaml, 2 report(s)",
        ],
      },
    ],
  ])("%s: prints each report under its exchange and exits 1", async (_, { given, want }) => {
    const { code, stdout } = await drift(...given);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(want.length);
    for (const [index, line] of lines.entries()) expect(line.startsWith(want[index] as string), line).toBe(true);
    expect(stdout).not.toContain("s3cret");
  });

  it("a session within the spec: no report, exit 0", async () => {
    const [clean] = (await readFile(join(fixtures, "cube4sales-session.jsonl"), "utf8")).split("\n");
    const file = join(dir, "clean.jsonl");
    await writeFile(file, `${clean}\n`);
    expect(await drift("cube4sales", file)).toMatchObject({
      code: 0,
      stdout: "drift: 1 exchange(s) checked against specs/cube4sales.yaml, 0 report(s)\n",
    });
  });

  it.each([
    [
      "an unknown provider",
      ["nope", "x.har"],
      /drift: unknown provider "nope"; known: cubit, onlinewerkrooster, cube4sales, cyclesoftware/,
    ],
    ["no file", ["cubit"], /drift: name a provider and a file/],
    ["a line that is not JSON", ["cubit", join(root, "README.md")], /drift: line 1: not JSON/],
  ])("%s: exit 2 with the reason and the usage", async (_, args, message) => {
    const { code, stderr } = await drift(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain("usage: pnpm drift <provider> <har-or-jsonl-file>");
  });
});
