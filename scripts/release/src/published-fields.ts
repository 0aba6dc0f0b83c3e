// The package.json fields `pnpm pack` publishes in place of the development ones: a module of its own, without
// tsdown, so the generator (which scaffolds a new provider's package.json with them) loads no bundler.

/** What `pnpm pack` must put in place of the development fields, for these entries. */
export function publishedFields(
  entries: string[],
  { spec = false, bin = {} }: { spec?: boolean; bin?: Record<string, [string, string]> } = {},
): Record<string, unknown> {
  const dist = (name: string, ext: string) => `./dist/${name}${ext}`;
  const exports: Record<string, unknown> = {};
  for (const name of entries) {
    exports[name === "index" ? "." : `./${name}`] = {
      import: { types: dist(name, ".d.mts"), default: dist(name, ".mjs") },
      require: { types: dist(name, ".d.cts"), default: dist(name, ".cjs") },
    };
  }
  if (spec) {
    exports["./openapi.yaml"] = "./dist/openapi.yaml";
    exports["./openapi.json"] = "./dist/openapi.json";
  }
  exports["./package.json"] = "./package.json";
  const subpaths = entries.filter((name) => name !== "index");
  return {
    main: dist("index", ".cjs"),
    module: dist("index", ".mjs"),
    types: dist("index", ".d.cts"),
    exports,
    // Commands run the ES module build: a bin is never `require()`d.
    ...(Object.keys(bin).length > 0 && {
      bin: Object.fromEntries(Object.entries(bin).map(([command, [name]]) => [command, dist(name, ".mjs")])),
    }),
    // TypeScript's legacy `node10` resolution ignores `exports`: without this, `@clientele/core/runtime` (which generated code
    // imports, and every provider's declarations re-export) would resolve to nothing for users still on that setting.
    ...(subpaths.length > 0 && {
      typesVersions: { "*": Object.fromEntries(subpaths.map((name) => [name, [dist(name, ".d.cts")]])) },
    }),
  };
}
