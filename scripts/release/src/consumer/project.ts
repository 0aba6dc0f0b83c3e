// The consumer project of the matrix: a fresh folder outside the repository with the packed tarballs installed
// offline (as a user's `npm i` would), the scenario as an ES module and as CommonJS with one entry each, and the
// same scenario bundled by esbuild into a workerd module and a browser app.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { installConsumer } from "../consumer.ts";

const SCENARIO = join(import.meta.dirname, "scenario.mjs");

/** A provider package the entries import, by provider id. */
export interface ConsumerPackage {
  id: string;
  name: string;
}

// Each entry prints `{ entries, results }`: `entries` are the files the provider packages resolved to, so a run
// proves which build it used. Every provider of the registry is imported, by its provider id.
function entries(packages: ConsumerPackage[]): Record<string, string> {
  const names = JSON.stringify(packages.map((p) => p.name));
  const imports = packages.map(({ name }, i) => `import * as p${i} from ${JSON.stringify(name)};`);
  const requires = packages.map(({ name }, i) => `const p${i} = require(${JSON.stringify(name)});`);
  const table = `const packages = { ${packages.map(({ id }, i) => `${JSON.stringify(id)}: p${i}`).join(", ")} };`;
  const args = 'const args = typeof Deno === "undefined" ? process.argv.slice(2) : Deno.args;';
  return {
    "matrix.mjs": [
      ...imports,
      'import { runScenarios } from "./scenario.mjs";',
      table,
      args,
      "const results = await runScenarios(packages, JSON.parse(args[0]));",
      `console.log(JSON.stringify({ entries: ${names}.map((name) => import.meta.resolve(name)), results }));`,
    ].join("\n"),
    "matrix.cjs": [
      ...requires,
      'const { runScenarios } = require("./scenario.cjs");',
      table,
      args,
      "runScenarios(packages, JSON.parse(args[0])).then(",
      `  (results) => console.log(JSON.stringify({ entries: ${names}.map((name) => require.resolve(name)), results })),`,
      "  (error) => {",
      "    console.error(error);",
      "    process.exit(1);",
      "  },",
      ");",
    ].join("\n"),
    "worker-entry.mjs": [
      ...imports,
      'import { runScenarios } from "./scenario.mjs";',
      table,
      "export default {",
      "  async fetch(request) {",
      "    const results = await runScenarios(packages, await request.json());",
      '    return Response.json({ entries: ["bundle"], results });',
      "  },",
      "};",
    ].join("\n"),
    "browser-entry.mjs": [
      ...imports,
      'import { runScenarios } from "./scenario.mjs";',
      table,
      "globalThis.runMatrix = async (setup, crossOrigin) => ({",
      '  entries: ["bundle"],',
      "  results: await runScenarios(packages, setup, crossOrigin),",
      "});",
    ].join("\n"),
  };
}

/** The consumer project's folder, and the code of its two bundles. */
export interface ConsumerProject {
  dir: string;
  worker: string;
  app: string;
}

/** Installs the tarballs into `dir` and writes the entries and bundles. */
export async function createConsumerProject(
  dir: string,
  tarballs: string[],
  packages: ConsumerPackage[],
): Promise<ConsumerProject> {
  await installConsumer(dir, tarballs);
  const scenario = await readFile(SCENARIO, "utf8");
  const asCommonJs = scenario.replace(/^export (const|async function|function) /gm, "$1 ");
  const files = {
    "scenario.mjs": scenario,
    "scenario.cjs": `${asCommonJs}\nmodule.exports = { SCENARIOS, runScenarios };\n`,
    ...entries(packages),
  };
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(dir, name), text)));
  const bundle = async (entry: string, platform: "neutral" | "browser") => {
    const result = await build({
      entryPoints: [join(dir, entry)],
      absWorkingDir: dir,
      bundle: true,
      format: "esm",
      platform,
      // workerd's own condition first, as wrangler resolves; no nodejs_compat, so nothing may need node: modules.
      conditions: platform === "neutral" ? ["workerd", "worker", "browser", "import"] : [],
      mainFields: ["module", "main"],
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    return result.outputFiles[0]?.text ?? "";
  };
  const [worker, app] = await Promise.all([
    bundle("worker-entry.mjs", "neutral"),
    bundle("browser-entry.mjs", "browser"),
  ]);
  return { dir, worker, app };
}
