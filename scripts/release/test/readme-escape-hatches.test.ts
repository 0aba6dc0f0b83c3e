// The README examples of the typed-body escape hatches (`extraBody`) and the date-time formatter compile as a user
// would write them: each self-contained ```ts block (one with an import) that uses them, against the package source.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { besideTests, compileErrors } from "@clientele/testkit/compile";
import { describe, expect, test } from "vitest";

const root = repoRoot;
const WORDS = ["extraBody", "formatDateTime"];

/** The self-contained ```ts blocks of a package README that use one of WORDS. */
function examples(packageDir: string): string[] {
  const readme = readFileSync(join(root, packageDir, "README.md"), "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map(([, code]) => code as string)
    .filter((code) => /^import /m.test(code) && WORDS.some((word) => code.includes(word)));
}

const readmes = (await readRegistry(root)).map(({ id, packageDir }) => ({
  id,
  packageDir,
  blocks: examples(packageDir),
}));

test("every escape hatch has a README example to compile", () => {
  const all = readmes.flatMap((r) => r.blocks).join("\n");
  expect(WORDS.filter((word) => !all.includes(word))).toEqual([]);
});

describe.each(readmes.filter((r) => r.blocks.length > 0))("$id README", ({ packageDir, blocks }) => {
  test.each(blocks.map((code, i) => [i + 1, code]))("example %i compiles", { timeout: 120_000 }, (_, code) => {
    const source = `declare const process: { env: Record<string, string | undefined> };\n${code.replace(
      /from "@clientele\/[\w-]+"/g,
      'from "../src/index.js"',
    )}`;
    expect(compileErrors(besideTests(join(root, packageDir)), source)).toEqual([]);
  });
});
