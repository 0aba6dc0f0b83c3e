// The one build configuration every publishable package shares; each package's tsdown.config.ts only points here.
// Entries come from the package's development `exports` (which point at src/ so the workspace, vitest and tsc use
// the sources), and the build refuses to run when `publishConfig` would publish anything other than what it emits.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { defineConfig, type Rolldown, type UserConfig } from "tsdown";

type Plugin = Rolldown.Plugin;

import { parse } from "yaml";
import { publishedFields } from "./published-fields.ts";

export { publishedFields };

interface PackageJson {
  name: string;
  exports: Record<string, string | Record<string, string>>;
  bin?: Record<string, string>;
  publishConfig?: Record<string, unknown>;
}

/** A provider package's development export of its spec: a link to the spec in specs/, so it cannot drift. */
const SPEC_EXPORT = "./openapi.yaml";

/** The tsdown config of the package whose tsdown.config.ts passes its own `import.meta.url`. */
export function packageConfig(configUrl: string): UserConfig {
  const dir = dirname(fileURLToPath(configUrl));
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;
  const entry = entriesOf(pkg);
  const ships = { spec: SPEC_EXPORT in pkg.exports, bin: binsOf(pkg) };
  assertPublishConfig(pkg, Object.keys(entry), ships);
  // A package with a command (the twins: node:http servers) is built for Node.
  const node = Object.keys(ships.bin).length > 0;
  return defineConfig({
    cwd: dir,
    entry: { ...entry, ...Object.fromEntries(Object.values(ships.bin)) },
    format: ["esm", "cjs"],
    // The clients use only fetch and web APIs: one build serves Node, browsers and edge runtimes.
    platform: node ? "node" : "neutral",
    target: "es2022",
    fixedExtension: true,
    dts: true,
    clean: true,
    plugins: ships.spec ? [shipSpec(join(dir, "openapi.yaml"))] : [],
    // A warning here is an unresolved import or a broken declaration: never ship that.
    failOnWarn: true,
    // Declaration generation is slow by nature; rolldown's timing hints about it are not warnings about the output.
    checks: { pluginTimings: false },
  });
}

/** `{ index: "src/index.ts", public: "src/public.ts" }` from `{ ".": "./src/index.ts", "./public": ... }`. */
function entriesOf(pkg: PackageJson): Record<string, string> {
  const entry: Record<string, string> = {};
  for (const [subpath, exported] of Object.entries(pkg.exports)) {
    if (subpath === "./package.json" || subpath === SPEC_EXPORT) continue;
    const target = typeof exported === "string" ? exported : (exported.default ?? "");
    const match = /^\.\/src\/(.+)\.(ts|js)$/.exec(target);
    if (!match) throw new Error(`${pkg.name}: exports["${subpath}"] must point at ./src/<name>.ts, not ${target}`);
    entry[subpath === "." ? "index" : subpath.slice(2)] = `src/${match[1]}.${match[2]}`;
  }
  return entry;
}

/** `{ "clientele-twin": ["cli", "src/cli.ts"] }` from `bin: { "clientele-twin": "./src/cli.ts" }`: built like an entry. */
function binsOf(pkg: PackageJson): Record<string, [string, string]> {
  const bins: Record<string, [string, string]> = {};
  for (const [command, target] of Object.entries(pkg.bin ?? {})) {
    const match = /^\.\/src\/(.+)\.(ts|js)$/.exec(target);
    if (!match) throw new Error(`${pkg.name}: bin must point at ./src/<name>.ts, not ${target}`);
    bins[command] = [match[1] ?? "", target.slice(2)];
  }
  return bins;
}

/**
 * The provider's spec in the package, as the generator read it: `openapi.yaml` (the spec's own text) and
 * `openapi.json`. A spec that referred to other files would need bundling first; it is refused instead.
 */
function shipSpec(specFile: string): Plugin {
  return {
    name: "clientele:ship-spec",
    async generateBundle(output) {
      if (output.format !== "es") return;
      const text = await readFile(specFile, "utf8");
      const external = /\$ref:\s*["']?(?!#)[^\s"']+/.exec(text);
      if (external) throw new Error(`${specFile}: refers to another file (${external[0]}); bundle it before shipping`);
      this.emitFile({ type: "asset", fileName: "openapi.yaml", source: text });
      this.emitFile({ type: "asset", fileName: "openapi.json", source: `${JSON.stringify(parse(text), null, 2)}\n` });
    },
  };
}

function assertPublishConfig(pkg: PackageJson, entries: string[], ships: Parameters<typeof publishedFields>[1]): void {
  const expected = publishedFields(entries, ships);
  const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, pkg.publishConfig?.[key]]));
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(
      `${pkg.name}: package.json publishConfig does not publish what the build emits; it must contain\n` +
        JSON.stringify(expected, null, 2),
    );
  }
}
