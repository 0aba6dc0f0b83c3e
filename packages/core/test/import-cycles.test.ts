import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { importCycles, importGraph } from "./support/import-graph.js";

const src = fileURLToPath(new URL("../src", import.meta.url));

describe("core's modules import each other without a cycle", () => {
  test("src/ has no import cycle, type-only imports included", () => {
    const graph = importGraph(src);
    expect(graph.size).toBeGreaterThan(15);
    expect(graph.get("transport.ts")).toContain("retry-policy.ts");
    expect(importCycles(graph)).toEqual([]);
  });

  test.each<[string, { given: Record<string, string[]>; want: string[] }]>([
    ["a chain", { given: { "a.ts": ["b.ts"], "b.ts": ["c.ts"], "c.ts": [] }, want: [] }],
    ["a diamond", { given: { "a.ts": ["b.ts", "c.ts"], "b.ts": ["d.ts"], "c.ts": ["d.ts"], "d.ts": [] }, want: [] }],
    [
      "two modules",
      {
        given: { "errors.ts": ["rate-limit.ts"], "rate-limit.ts": ["errors.ts"] },
        want: ["errors.ts → rate-limit.ts → errors.ts"],
      },
    ],
    [
      "through three",
      { given: { "a.ts": ["b.ts"], "b.ts": ["c.ts"], "c.ts": ["a.ts"] }, want: ["a.ts → b.ts → c.ts → a.ts"] },
    ],
    ["a module importing itself", { given: { "a.ts": ["a.ts"] }, want: ["a.ts → a.ts"] }],
  ])("the walk names the cycle: %s", (_, { given, want }) => {
    expect(importCycles(new Map(Object.entries(given)))).toEqual(want);
  });
});
