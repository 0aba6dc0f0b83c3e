// The shared build config: entries from the development exports, and no build when publishConfig disagrees.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, test } from "vitest";
import { packageConfig, publishedFields } from "../src/tsdown-config.ts";

const dir = mkdtempSync(join(tmpdir(), "clientele-tsdown-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configFor(manifest: object) {
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest));
  return () => packageConfig(pathToFileURL(join(dir, "tsdown.config.ts")).href);
}

const exports = { ".": "./src/index.ts", "./public": "./src/public.ts", "./package.json": "./package.json" };

test("builds one entry per development export, for exactly what publishConfig publishes", () => {
  const config = configFor({
    name: "x",
    exports,
    publishConfig: { access: "public", ...publishedFields(["index", "public"]) },
  })();
  expect(config.entry).toEqual({ index: "src/index.ts", public: "src/public.ts" });
  expect(config.format).toEqual(["esm", "cjs"]);
});

test("published exports put types first, under import and require", () => {
  const { exports: published, typesVersions } = publishedFields(["index", "public"]) as Record<string, any>;
  expect(Object.keys(published)).toEqual([".", "./public", "./package.json"]);
  expect(Object.keys(published["./public"].import)).toEqual(["types", "default"]);
  expect(published["./public"].require).toEqual({ types: "./dist/public.d.cts", default: "./dist/public.cjs" });
  expect(typesVersions).toEqual({ "*": { public: ["./dist/public.d.cts"] } });
});

test.each([
  ["no publishConfig", {}],
  ["a missing subpath", publishedFields(["index"])],
  ["src exports", { ...publishedFields(["index", "public"]), exports }],
])("refuses %s, printing the publishConfig it needs", (_, publishConfig) => {
  expect(configFor({ name: "x", exports, publishConfig })).toThrow(
    /publishConfig does not publish what the build emits[\s\S]*"\.\/dist\/public\.mjs"/,
  );
});

test("refuses a development export that is not a TypeScript source", () => {
  expect(configFor({ name: "x", exports: { ".": "./dist/index.mjs" } })).toThrow(
    'x: exports["."] must point at ./src/<name>.ts',
  );
});

test("a provider's spec export and a command are published from dist/", () => {
  const bin = { "clientele-twin": ["cli", "src/cli.ts"] as [string, string] };
  const fields = publishedFields(["index"], { spec: true, bin }) as Record<string, any>;
  expect(Object.keys(fields.exports)).toEqual([".", "./openapi.yaml", "./openapi.json", "./package.json"]);
  expect(fields.exports["./openapi.json"]).toBe("./dist/openapi.json");
  expect(fields.bin).toEqual({ "clientele-twin": "./dist/cli.mjs" });
  const config = configFor({
    name: "x",
    exports: { ".": "./src/index.ts", "./openapi.yaml": "./openapi.yaml" },
    bin: { "clientele-twin": "./src/cli.ts" },
    publishConfig: { access: "public", ...fields },
  })();
  expect(config.entry).toEqual({ index: "src/index.ts", cli: "src/cli.ts" });
  // A package with a command is built for Node; every package's declarations are built from its sources.
  expect([config.platform, config.dts]).toEqual(["node", true]);
});
