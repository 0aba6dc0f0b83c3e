import { dirname, join } from "node:path";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import ts from "typescript";
import { describe, expect, test } from "vitest";

/** What an editor shows on hover: the language service's quick info at `marker` in a consumer file of `packageDir`. */
function hover(packageDir: string, source: string, marker: string): string {
  const dir = join(repoRoot, packageDir);
  const { config } = ts.readConfigFile(join(dir, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, dir);
  const consumer = join(dir, "test", "hover-consumer.ts");
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [consumer],
    getScriptVersion: () => "1",
    getScriptSnapshot: (name) => {
      const text = name === consumer ? source : ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => dir,
    getDefaultLibFileName: (o) => join(dirname(ts.getDefaultLibFilePath(o)), ts.getDefaultLibFileName(o)),
    fileExists: (name) => name === consumer || ts.sys.fileExists(name),
    readFile: (name) => (name === consumer ? source : ts.sys.readFile(name)),
  };
  const service = ts.createLanguageService(host);
  const info = service.getQuickInfoAtPosition(consumer, source.indexOf(marker) + 1);
  const tags = (info?.tags ?? []).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`);
  return [ts.displayPartsToString(info?.displayParts), ts.displayPartsToString(info?.documentation), ...tags].join(
    "\n",
  );
}

describe("hovering a generated method", () => {
  const cubit = (async () => (await readRegistry(repoRoot)).find((p) => p.id === "cubit"))();
  const source = [
    'import { createCubitClient } from "../src/index.js";',
    'const cubit = createCubitClient({ apiKey: "k", environment: "test" });',
    'export const customer = cubit.getCustomer("1234567");',
  ].join("\n");

  test("shows the spec's model and the parameter's own type, not an index into `operations`", async () => {
    const provider = await cubit;
    if (!provider) throw new Error("the registry has no cubit provider");
    const text = hover(provider.packageDir, source, ".getCustomer");
    expect(text).toContain("ApiPromise<Customer>");
    expect(text).toMatch(/getCustomer: \(number: string, options\?: RequestOptions\)/);
    expect(text).not.toContain("operations[");
    expect(text).not.toContain("PathOf<");
  });

  test("shows the operation's description and its parameters' in the doc comment", async () => {
    const provider = await cubit;
    if (!provider) throw new Error("the registry has no cubit provider");
    const text = hover(provider.packageDir, source, ".getCustomer");
    expect(text).toContain("Retrieve a customer");
    expect(text).toContain("`GET /api/customer/{number}`");
    expect(text).toMatch(/@param number \S/);
  });
});
