// A throwaway project that installs the packed tarballs the way a user would, offline, and uses them from ESM and
// CommonJS.
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import type { SmokeCase } from "./smoke-cases.ts";

const run = promisify(execFile);

/**
 * Installs the tarballs into `dir` with npm, offline and with an empty private cache: if anything had to come from
 * a registry, the install fails instead of quietly downloading it.
 */
export async function installConsumer(dir: string, tarballs: string[]) {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "package.json"), `${JSON.stringify({ name: "consumer", private: true }, null, 2)}\n`);
  await run(
    "npm",
    [
      "install",
      "--offline",
      `--cache=${join(dir, ".npm-cache")}`,
      "--ignore-scripts",
      "--no-audit",
      "--no-fund",
      "--no-package-lock",
      "--loglevel=error",
      ...tarballs,
    ],
    { cwd: dir },
  );
}

/** One provider's call, as the runner scripts receive it. */
export interface SmokeRun {
  /** the package name */
  name: string;
  /** the provider's mock */
  baseUrl: string;
  smoke: SmokeCase;
}

/** What a runner script prints per provider. */
export interface SmokeResult {
  name: string;
  /** the file the package name resolved to */
  resolved: string;
  status: number;
  /** Prism's `sl-violations` header */
  violations: string | null;
  /** the provider re-exports core's ApiError itself, not a copy */
  sameApiError: boolean;
}

// Each runner reads one provider's run from argv and prints one JSON result. The ESM runner uses the full client;
// the CJS one builds the full client too (which is what broke under CommonJS interop) and makes its call through the
// transport and the standalone operation function, so both public entry styles are exercised.
const ESM_RUNNER = `const { name, baseUrl, smoke } = JSON.parse(process.argv[2]);
const core = await import("@clientele/core");
const pkg = await import(name);
const client = pkg[smoke.client]({ ...smoke.options, baseUrl });
const { response } = await client[smoke.operation](...smoke.args).withResponse();
console.log(JSON.stringify({
  name,
  resolved: import.meta.resolve(name),
  status: response.status,
  violations: response.headers.get("sl-violations"),
  sameApiError: pkg.ApiError === core.ApiError,
}));
`;

const CJS_RUNNER = `const { name, baseUrl, smoke } = JSON.parse(process.argv[2]);
const core = require("@clientele/core");
const pkg = require(name);
const client = pkg[smoke.client]({ ...smoke.options, baseUrl });
if (typeof client[smoke.operation] !== "function") {
  throw new Error(\`\${smoke.client}() from require() built no usable client\`);
}
if (typeof pkg[smoke.raw]({ ...smoke.options, baseUrl }).GET !== "function") {
  throw new Error(\`\${smoke.raw}() from require() built no usable openapi-fetch client\`);
}
const transport = pkg[smoke.transport]({ ...smoke.options, baseUrl });
pkg[smoke.operation](transport, ...smoke.args)
  .withResponse()
  .then(({ response }) => {
    console.log(JSON.stringify({
      name,
      resolved: require.resolve(name),
      status: response.status,
      violations: response.headers.get("sl-violations"),
      sameApiError: pkg.ApiError === core.ApiError,
    }));
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
`;

/** Writes the runner scripts into the consumer project. */
export async function writeRunners(dir: string) {
  await writeFile(join(dir, "smoke.mjs"), ESM_RUNNER);
  await writeFile(join(dir, "smoke.cjs"), CJS_RUNNER);
}

/**
 * Makes one provider's call from the installed packages, as an ES module or as CommonJS.
 * @param dir the consumer project
 */
export async function runSmoke(dir: string, format: "esm" | "cjs", smokeRun: SmokeRun): Promise<SmokeResult> {
  const script = format === "esm" ? "smoke.mjs" : "smoke.cjs";
  const { stdout } = await run(process.execPath, [script, JSON.stringify(smokeRun)], { cwd: dir });
  return JSON.parse(stdout);
}
