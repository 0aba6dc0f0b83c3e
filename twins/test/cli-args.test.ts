import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parseTwinArgs, UsageError } from "../src/cli-args.js";

const dir = mkdtempSync(join(tmpdir(), "clientele-twin-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const seedFile = join(dir, "seed.json");
writeFileSync(seedFile, JSON.stringify({ customers: [{ name: "Ada" }] }));
const brokenSeed = join(dir, "broken.json");
writeFileSync(brokenSeed, "{ customers");

describe("clientele-twin arguments", () => {
  test.each([
    ["no provider", { given: [], want: "name a provider: cubit, onlinewerkrooster, cube4sales, cyclesoftware" }],
    ["an unknown provider", { given: ["stripe"], want: 'unknown provider "stripe"' }],
    ["two providers", { given: ["cubit", "cube4sales"], want: 'unexpected argument "cube4sales"' }],
    ["an unknown option", { given: ["cubit", "--colour"], want: "Unknown option '--colour'" }],
    [
      "a port that is no number",
      { given: ["cubit", "--port", "http"], want: '--port must be a port number, got "http"' },
    ],
    ["a port past 65535", { given: ["cubit", "--port", "70000"], want: "--port must be a port number" }],
    [
      "a page size of 0",
      { given: ["cyclesoftware", "--page-size", "0"], want: "--page-size must be a positive integer" },
    ],
    ["a fractional limit", { given: ["cyclesoftware", "--minute-limit", "2.5"], want: "--minute-limit must be a" }],
    [
      "a day limit for cubit",
      { given: ["cubit", "--day-limit", "5"], want: "--day-limit is an option of the cyclesoftware" },
    ],
    ["a clock that is no date", { given: ["cubit", "--now", "tomorrow"], want: "--now must be an ISO date-time" }],
    ["--empty with --seed", { given: ["cubit", "--empty", "--seed", seedFile], want: "--empty and --seed exclude" }],
    [
      "a seed file that is missing",
      { given: ["cubit", "--seed", join(dir, "none.json")], want: "--seed: cannot read" },
    ],
    ["a seed file that is no JSON", { given: ["cubit", "--seed", brokenSeed], want: "is not JSON" }],
    ["cubit keys without an environment", { given: ["cubit", "--credentials", "abc"], want: "test=KEY,prod=KEY" }],
    [
      "cyclesoftware credentials without a colon",
      { given: ["cyclesoftware", "--credentials", "demo"], want: "USERNAME:PASSWORD" },
    ],
    ["credentials for cube4sales", { given: ["cube4sales", "--credentials", "a:b"], want: "takes none" }],
  ])("%s is refused, naming the option", async (_, { given, want }) => {
    const error = await parseTwinArgs(given).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(want);
  });

  test("every option reaches the twin", async () => {
    const parsed = await parseTwinArgs([
      "cyclesoftware",
      "--port=4023",
      "--seed",
      seedFile,
      "--credentials",
      "user:pa:ss",
      "--page-size",
      "2",
      "--minute-limit",
      "5",
      "--day-limit",
      "50",
      "--now",
      "2024-01-15T09:00:00Z",
      "--max-body-bytes",
      "1000",
    ]);
    if (parsed.help) throw new Error("parsed as --help");
    const { now, ...start } = parsed.start;
    expect(start).toEqual({
      port: 4023,
      seed: { customers: [{ name: "Ada" }] },
      maxBodyBytes: 1000,
      options: { username: "user", password: "pa:ss", pageSize: 2, perMinute: 5, perDay: 50 },
    });
    expect(now?.()).toBe(Date.UTC(2024, 0, 15, 9));
  });

  test.each([
    ["the document's examples by default", { given: ["cubit"], want: { seed: true, options: {} } }],
    ["--empty", { given: ["cubit", "--empty"], want: { options: {} } }],
    [
      "cubit keys per environment",
      {
        given: ["cubit", "--credentials", "test=t1,prod=p1"],
        want: { seed: true, options: { apiKeys: { test: "t1", prod: "p1" } } },
      },
    ],
    [
      "onlinewerkrooster keys",
      {
        given: ["onlinewerkrooster", "--credentials", "k:c"],
        want: { seed: true, options: { apiKey: "k", customerKey: "c" } },
      },
    ],
  ])("%s", async (_, { given, want }) => {
    const parsed = await parseTwinArgs(given);
    expect(parsed.help ? "help" : parsed.start).toEqual(want);
  });
});
