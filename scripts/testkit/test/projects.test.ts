import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "@clientele/registry/root";
import { expect, test } from "vitest";
import { MOCK_FILES, narrowTo, packageFolder } from "../../../vitest.config.js";

// The "mocks" project is the only one whose files get the shared Prism mocks (and wait for them); a file that
// injects "mockUrls" anywhere else would get nothing. This keeps vitest.config.ts's list equal to the files that use them.

const root = repoRoot;
const SKIP = new Set(["node_modules", ".git", "dist", "generated", ".artifacts"]);

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith(".test.ts") ? [relative(root, path)] : [];
  });
}
const glob = (pattern: string) => new RegExp(`^${pattern.replace(/\./g, "\\.").replace(/\*/g, "[^/]*")}$`);

test("the files listed as using the shared mocks are exactly those that inject their URLs", () => {
  const files = ["packages", "scripts", "twins", "examples"].flatMap((dir) => testFiles(join(root, dir)));
  const call = ["inject(", '"mockUrls")'].join("");
  const injecting = files.filter((file) => readFileSync(join(root, file), "utf8").includes(call));
  const listed = files.filter((file) => MOCK_FILES.some((pattern) => glob(pattern).test(file)));
  expect(injecting.length).toBeGreaterThan(0);
  expect(listed.sort()).toEqual(injecting.sort());
});

// A package's `pnpm test` runs vitest from the package's folder: each project keeps that package's part of its files.
test.each([
  ["the root", "", ""],
  ["a package folder", "packages/cubit", "packages/cubit"],
  ["a folder inside a package", "scripts/testkit/test/fuzz", "scripts/testkit"],
  ["a package one level down", "twins", "twins"],
])("packageFolder from %s", (_, cwd, want) => {
  expect(packageFolder(root, join(root, cwd))).toBe(want);
});

test.each([
  ["the root keeps every pattern", "", ["packages/*/test/**/*.test.ts"], ["packages/*/test/**/*.test.ts"]],
  [
    "a wildcard segment takes the package's name",
    "packages/cubit",
    ["packages/*/test/contract.test.ts"],
    ["packages/cubit/test/contract.test.ts"],
  ],
  [
    "a named file of the package stays",
    "scripts/release",
    ["scripts/release/test/smoke.test.ts"],
    ["scripts/release/test/smoke.test.ts"],
  ],
  ["another package's file goes", "packages/cubit", ["packages/cyclesoftware/test/runtime.test.ts"], []],
  [
    "another top folder goes",
    "twins",
    ["packages/*/test/**/*.test.ts", "twins/test/**/*.test.ts"],
    ["twins/test/**/*.test.ts"],
  ],
])("narrowTo: %s", (_, folder, patterns, want) => {
  expect(narrowTo(folder, patterns)).toEqual(want);
});
