import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "@clientele/registry/root";
import { afterAll, expect, test } from "vitest";
import { describeCrossing, findCrossings, relativeSpecifiers } from "../src/boundaries.js";

const run = promisify(execFile);
const cli = join(import.meta.dirname, "..", "src", "boundaries.ts");

test.each([
  ["a static import", `import { a } from "../b/a.js";`, ["../b/a.js"]],
  ["a type-only import", `import type { A } from "../../x/types.ts";`, ["../../x/types.ts"]],
  ["a re-export", `export * from "./local.js";`, ["./local.js"]],
  ["a require", `const fs = require("node:fs");\nconst x = require("../../x/y.cjs");`, ["../../x/y.cjs"]],
  ["a dynamic import", `const m = await import("../../x/m.ts");`, ["../../x/m.ts"]],
  ["a URL escape", `const root = new URL("../../..", import.meta.url);`, ["../../.."]],
  ["a package name is no relative import", `import { x } from "@clientele/core/runtime";`, []],
])("relativeSpecifiers finds %s", (_, text, want) => {
  expect(relativeSpecifiers(text).map((found) => found.specifier)).toEqual(want);
});

// A workspace of its own: two packages and a top-level one; the only crossing is a's import into b.
const fixture = mkdtempSync(join(tmpdir(), "clientele-boundaries-"));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));
const files: Record<string, string> = {
  "pnpm-workspace.yaml": "packages:\n  - packages/*\n  - tool\n",
  "package.json": "{}",
  "shared.ts": "export const shared = 1;\n",
  "packages/a/package.json": "{}",
  "packages/a/src/index.ts": [
    `import { own } from "./own.js";`,
    `import { root } from "../../../shared.js";`,
    `const here = new URL("../..", import.meta.url);`,
    `import { b } from "../../b/src/index.js";`,
  ].join("\n"),
  "packages/a/src/own.ts": "export const own = 1;\n",
  "packages/b/package.json": "{}",
  "packages/b/src/index.ts": "export const b = 1;\n",
  "tool/package.json": "{}",
  "tool/main.ts": `import { own } from "./lib/own.js";\n`,
  "tool/node_modules/dep/index.js": `require("../../../packages/b/src/index.js");\n`,
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(fixture, path)), { recursive: true });
  writeFileSync(join(fixture, path), text);
}

test("on a fixture workspace: names the one import that reaches into another package", async () => {
  const crossings = findCrossings(fixture);
  expect(crossings.map(describeCrossing)).toEqual([
    `packages/a/src/index.ts:4: "../../b/src/index.js" reaches into packages/b (packages/b/src/index.js); import it by package name`,
  ]);
  const exit = await run(process.execPath, ["--import", "tsx", cli, fixture]).then(
    () => ({ code: 0, stderr: "" }),
    (error: { code: number; stderr: string }) => error,
  );
  expect(exit.code).toBe(1);
  expect(exit.stderr).toContain("packages/a/src/index.ts:4");
});

// `pnpm check:boundaries` on this repository: across packages, code goes by package name.
test("in this repository no relative import crosses a package boundary", () => {
  expect(findCrossings(repoRoot).map(describeCrossing)).toEqual([]);
});
