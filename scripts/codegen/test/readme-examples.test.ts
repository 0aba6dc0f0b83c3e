import { join } from "node:path";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { describe, expect, test } from "vitest";
import { README_END, README_START } from "../src/package-docs.ts";
import { readmeModule, readText, typecheckInPackages } from "./support/readme-examples.js";

// Every ```ts example of every package README compiles against the package's own types (in order, as a reader
// would run them), the generated operations region included; a README example that stops compiling fails here.

const root = repoRoot;
const providers = await readRegistry(root);
// The provider packages: their READMEs are what users copy from (core's describes how the providers are built).
const packages = providers.map((p) => p.id);
const readmes = packages.map((id) => {
  const packageDir = join(root, "packages", id);
  return { id, packageDir, readme: readText(join(packageDir, "README.md")) };
});

/** Every README's examples checked in one TypeScript program, on first use: one compile instead of one per README. */
let compiled: string[][] | undefined;
function errorsOf(id: string): string[] {
  compiled ??= typecheckInPackages(
    root,
    readmes.map(({ packageDir, readme }) => ({ packageDir, source: readmeModule(readme).source })),
  );
  return compiled[packages.indexOf(id)] ?? [`no compile result for ${id}`];
}

describe.each(packages)("the README of %s", (id) => {
  const packageDir = join(root, "packages", id);
  const readme = readText(join(packageDir, "README.md"));

  test("its TypeScript examples compile", () => {
    const { source, blocks } = readmeModule(readme);
    expect(blocks).toBeGreaterThan(0);
    const errors = errorsOf(id);
    expect(
      errors,
      `\n${source
        .split("\n")
        .map((l, i) => `${i + 1} ${l}`)
        .join("\n")}`,
    ).toEqual([]);
  }, 60_000);

  test("has a generated operations region naming every operation", () => {
    const region = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END));
    expect(region.length).toBeGreaterThan(README_START.length);
    const samples = readText(join(packageDir, "src", "generated", "samples.ts"));
    for (const [, operation] of samples.matchAll(/^\/\/ sample: (\w+)$/gm)) {
      expect(region).toContain(`### \`${operation}(`);
    }
  });
});

describe("readmeModule", () => {
  test("merges imports, keeps the first block at the top level and wraps each later one", () => {
    const readme = [
      "<!-- readme-context: declare const key: string; -->",
      "```ts",
      'import { a } from "m";',
      "const client = a(key);",
      "```",
      "```ts",
      'import { a, b } from "m";',
      "b(client);",
      "```",
    ].join("\n");
    expect(readmeModule(readme)).toEqual({
      blocks: 2,
      source: [
        'import { a, b } from "m";',
        "declare const key: string;",
        "const client = a(key);\n",
        "export async function example2() {\nb(client);\n}",
        "export {};",
      ].join("\n"),
    });
  });
});
