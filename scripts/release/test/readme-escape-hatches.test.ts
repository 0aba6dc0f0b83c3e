// The README examples of the typed-body escape hatches (`extraBody`) and the date-time formatter compile as a user
// would write them: each self-contained ```ts block (one with an import) that uses them, against the package source.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@clientele/registry/root";
import { besideTests, compileErrors } from "@clientele/testkit/compile";
import { describe, expect, test } from "vitest";

const root = repoRoot;

/** The self-contained ```ts blocks of a package README that use one of `words`. */
function examples(id: string, words: string[]): string[] {
  const readme = readFileSync(join(root, "packages", id, "README.md"), "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map(([, code]) => code as string)
    .filter((code) => /^import /m.test(code) && words.some((word) => code.includes(word)));
}

describe.each([
  ["cubit", ["extraBody"], 1],
  ["cube4sales", ["extraBody"], 1],
  ["cyclesoftware", ["formatDateTime"], 1],
])("%s README", (id, words, count) => {
  test(`its ${words.join(", ")} examples compile`, { timeout: 120_000 }, () => {
    const blocks = examples(id, words);
    expect(blocks).toHaveLength(count);
    for (const code of blocks) {
      const source = `declare const process: { env: Record<string, string | undefined> };\n${code.replace(
        /from "@clientele\/[\w-]+"/g,
        'from "../src/index.js"',
      )}`;
      expect(compileErrors(besideTests(join(root, "packages", id)), source)).toEqual([]);
    }
  });
});
