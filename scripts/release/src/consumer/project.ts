// The consumer project of the matrix: a fresh folder outside the repository with the packed tarballs installed
// offline (as a user's `npm i` would), the scenario as an ES module and as CommonJS with one entry each, and the
// same scenario bundled by esbuild into a workerd module and a browser app.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { installConsumer } from "../consumer.ts";

const SCENARIO = join(import.meta.dirname, "scenario.mjs");

// Each entry prints `{ entry, results }`: `entry` is the file the provider package resolved to, so a run proves
// which build it used.
const ESM_ENTRY = `import * as cubit from "@clientele/cubit";
import * as cycle from "@clientele/cyclesoftware";
import { runScenarios } from "./scenario.mjs";

const args = typeof Deno === "undefined" ? process.argv.slice(2) : Deno.args;
const results = await runScenarios({ cubit, cycle }, JSON.parse(args[0]));
console.log(JSON.stringify({ entry: import.meta.resolve("@clientele/cubit"), results }));
`;

const CJS_ENTRY = `const cubit = require("@clientele/cubit");
const cycle = require("@clientele/cyclesoftware");
const { runScenarios } = require("./scenario.cjs");

const args = typeof Deno === "undefined" ? process.argv.slice(2) : Deno.args;
runScenarios({ cubit, cycle }, JSON.parse(args[0])).then(
  (results) => console.log(JSON.stringify({ entry: require.resolve("@clientele/cubit"), results })),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
`;

const WORKER_ENTRY = `import * as cubit from "@clientele/cubit";
import * as cycle from "@clientele/cyclesoftware";
import { runScenarios } from "./scenario.mjs";

export default {
  async fetch(request) {
    const results = await runScenarios({ cubit, cycle }, await request.json());
    return Response.json({ entry: "bundle", results });
  },
};
`;

const BROWSER_ENTRY = `import * as cubit from "@clientele/cubit";
import * as cycle from "@clientele/cyclesoftware";
import { runScenarios } from "./scenario.mjs";

globalThis.runMatrix = async (urls, crossOrigin) => ({
  entry: "bundle",
  results: await runScenarios({ cubit, cycle }, urls, crossOrigin),
});
`;

/** The consumer project's folder, and the code of its two bundles. */
export interface ConsumerProject {
  dir: string;
  worker: string;
  app: string;
}

/** Installs the tarballs into `dir` and writes the entries and bundles. */
export async function createConsumerProject(dir: string, tarballs: string[]): Promise<ConsumerProject> {
  await installConsumer(dir, tarballs);
  const scenario = await readFile(SCENARIO, "utf8");
  const asCommonJs = scenario.replace(/^export (const|async function) /gm, "$1 ");
  const files = {
    "scenario.mjs": scenario,
    "scenario.cjs": `${asCommonJs}\nmodule.exports = { SCENARIOS, runScenarios };\n`,
    "matrix.mjs": ESM_ENTRY,
    "matrix.cjs": CJS_ENTRY,
    "worker-entry.mjs": WORKER_ENTRY,
    "browser-entry.mjs": BROWSER_ENTRY,
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
