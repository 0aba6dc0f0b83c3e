// The one build configuration every publishable package shares; each package's tsdown.config.ts only points here.
// Entries come from the package's development `exports` (which point at src/ so the workspace, vitest and tsc use
// the sources), and the build refuses to run when `publishConfig` would publish anything other than what it emits.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { defineConfig, type UserConfig } from "tsdown";

interface PackageJson {
  name: string;
  exports: Record<string, string>;
  publishConfig?: Record<string, unknown>;
}

/** The tsdown config of the package whose tsdown.config.ts passes its own `import.meta.url`. */
export function packageConfig(configUrl: string): UserConfig {
  const dir = dirname(fileURLToPath(configUrl));
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;
  const entry = entriesOf(pkg);
  assertPublishConfig(pkg, Object.keys(entry));
  return defineConfig({
    cwd: dir,
    entry,
    format: ["esm", "cjs"],
    // The clients use only fetch and web APIs: one build serves Node, browsers and edge runtimes.
    platform: "neutral",
    target: "es2022",
    fixedExtension: true,
    dts: true,
    clean: true,
    // A warning here is an unresolved import or a broken declaration: never ship that.
    failOnWarn: true,
    // Declaration generation is slow by nature; rolldown's timing hints about it are not warnings about the output.
    checks: { pluginTimings: false },
  });
}

/** `{ index: "src/index.ts", public: "src/public.ts" }` from `{ ".": "./src/index.ts", "./public": ... }`. */
function entriesOf(pkg: PackageJson): Record<string, string> {
  const entry: Record<string, string> = {};
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (subpath === "./package.json") continue;
    const match = /^\.\/src\/(.+)\.ts$/.exec(target);
    if (!match) throw new Error(`${pkg.name}: exports["${subpath}"] must point at ./src/<name>.ts, not ${target}`);
    entry[subpath === "." ? "index" : subpath.slice(2)] = `src/${match[1]}.ts`;
  }
  return entry;
}

/** What `pnpm pack` must put in place of the development fields, for these entries. */
export function publishedFields(entries: string[]): Record<string, unknown> {
  const dist = (name: string, ext: string) => `./dist/${name}${ext}`;
  const exports: Record<string, unknown> = {};
  for (const name of entries) {
    exports[name === "index" ? "." : `./${name}`] = {
      import: { types: dist(name, ".d.mts"), default: dist(name, ".mjs") },
      require: { types: dist(name, ".d.cts"), default: dist(name, ".cjs") },
    };
  }
  exports["./package.json"] = "./package.json";
  const subpaths = entries.filter((name) => name !== "index");
  return {
    main: dist("index", ".cjs"),
    module: dist("index", ".mjs"),
    types: dist("index", ".d.cts"),
    exports,
    // TypeScript's legacy `node10` resolution ignores `exports`: without this, `@clientele/core/public` (which
    // every provider's declarations re-export) would resolve to nothing for users still on that setting.
    ...(subpaths.length > 0 && {
      typesVersions: { "*": Object.fromEntries(subpaths.map((name) => [name, [dist(name, ".d.cts")]])) },
    }),
  };
}

function assertPublishConfig(pkg: PackageJson, entries: string[]): void {
  const expected = publishedFields(entries);
  const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, pkg.publishConfig?.[key]]));
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(
      `${pkg.name}: package.json publishConfig does not publish what the build emits; it must contain\n` +
        JSON.stringify(expected, null, 2),
    );
  }
}
