#!/usr/bin/env node
// @ts-check
// The front door for a fresh machine: `npm start` / `npm test` work with nothing but Node >= 20.
// Installs dependencies with the pinned pnpm when node_modules is missing or older than the lockfile, then runs
// the named task. Uses only Node built-ins: it runs before anything is installed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const TASKS = {
  start: "scripts/devserver/src/start.ts",
  test: "scripts/testkit/src/test.ts",
  generate: "scripts/codegen/src/main.ts",
};
const [task, ...rest] = process.argv.slice(2);

const [major] = process.versions.node.split(".").map(Number);
if ((major ?? 0) < 20) fail(`Node >= 20 is required; this is ${process.version}`);
const script = TASKS[/** @type {keyof typeof TASKS} */ (task)];
if (!script) fail(`usage: node scripts/bootstrap.mjs <${Object.keys(TASKS).join("|")}> [args]`);

if (!installed()) {
  const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const pnpm = hasPnpm(packageManager) ? ["pnpm"] : ["npx", "--yes", packageManager];
  console.log(`Installing dependencies with ${pnpm.join(" ")} install --frozen-lockfile ...`);
  run(pnpm[0] ?? "pnpm", [...pnpm.slice(1), "install", "--frozen-lockfile"]);
}
if (task === "generate" && rest.length === 1 && rest[0] === "--check" && checkRecordHolds()) {
  console.log("generate --check: generated code is fresh (nothing it reads changed since the last check)");
  process.exit(0);
}
// The generator runs compiled, in this process (see compiledGenerator).
if (task === "generate") {
  const { generateCli } = await import(pathToFileURL(await compiledGenerator()).href);
  process.exit(await generateCli(rest));
}
// Ctrl-C reaches the task as well (one process group): this process outlives it, so the task stops what it started
// and reports it, and its exit code is the one the shell sees.
process.on("SIGINT", () => {});
// The tools are TypeScript workspace packages: tsx runs them on Node 20.
run(process.execPath, ["--import", "tsx", join(root, script), ...rest]);

/** True when node_modules holds exactly what the lockfile says (pnpm keeps a copy of it there). */
function installed() {
  try {
    return (
      readFileSync(join(root, "node_modules/.pnpm/lock.yaml"), "utf8") ===
      readFileSync(join(root, "pnpm-lock.yaml"), "utf8")
    );
  } catch {
    return false;
  }
}

/**
 * `generate --check` without TypeScript: true when every file and folder the last passing check (or generate) read
 * is as it was then (scripts/codegen/src/check-cache.ts writes the record). Anything else runs the real check.
 */
function checkRecordHolds() {
  const name = `generate-check-${createHash("sha256").update(resolve(root)).digest("hex").slice(0, 12)}.json`;
  try {
    const record = JSON.parse(readFileSync(join(root, "node_modules", ".cache", "clientele", name), "utf8"));
    const sha256 = (/** @type {string} */ file) => {
      try {
        return createHash("sha256")
          .update(readFileSync(join(root, file)))
          .digest("hex");
      } catch {
        return createHash("sha256").update("").digest("hex");
      }
    };
    const list = (/** @type {string} */ folder) => {
      try {
        return readdirSync(join(root, folder)).sort().join("\n");
      } catch {
        return "";
      }
    };
    return (
      Object.entries(record.folders).every(([folder, entries]) => list(folder) === entries.join("\n")) &&
      Object.entries(record.files).every(([file, digest]) => sha256(file) === digest)
    );
  } catch {
    return false;
  }
}

/**
 * The generator as one ES module (our TypeScript bundled by esbuild, npm packages left as imports), cached under a
 * digest of the tools' sources, and imported into this process (one Node start instead of two). On a cold `pnpm generate`, tsx's per-module hooks and source maps cost about as much
 * as the generation itself; the bundle takes ~0.3 s to build, once per change to the sources.
 * @returns {Promise<string>} the bundle's path
 */
async function compiledGenerator() {
  const hash = createHash("sha256");
  for (const pkg of readdirSync(join(root, "scripts")).sort()) {
    const src = join(root, "scripts", pkg, "src");
    if (!existsSync(src)) continue;
    for (const file of readdirSync(src, { recursive: true }).map(String).sort()) {
      hash.update(`${pkg}/${file}\0`);
      try {
        hash.update(readFileSync(join(src, file)));
      } catch {
        // a folder
      }
    }
  }
  // Beside the sources, not in node_modules (which may be a link to another checkout's): the bundle finds the
  // checkout's root from where it lies, as the sources do.
  const cache = join(root, "scripts", "codegen", "dist");
  const bundle = join(cache, `main-${hash.digest("hex").slice(0, 16)}.mjs`);
  if (existsSync(bundle)) return bundle;
  for (const old of existsSync(cache) ? readdirSync(cache) : []) {
    if (/^main-\w+\.mjs$/.test(old)) rmSync(join(cache, old));
  }
  const esbuild = createRequire(join(root, "package.json")).resolve("esbuild");
  const { build } = await import(pathToFileURL(esbuild).href);
  await build({
    entryPoints: [join(root, TASKS.generate)],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    // Our workspace packages are bundled (they are TypeScript); every npm package stays an import.
    plugins: [
      {
        name: "npm-packages-external",
        /** @param {{ onResolve: Function }} build */
        setup({ onResolve }) {
          onResolve({ filter: /^[^./]/ }, (/** @type {{ path: string }} */ { path }) =>
            path.startsWith("@clientele/") ? undefined : { path, external: true },
          );
        },
      },
    ],
  });
  return bundle;
}

/** @param {string} packageManager e.g. "pnpm@12.21.0" */
function hasPnpm(packageManager) {
  const wanted = packageManager.split("@")[1]?.split(".")[0];
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell: process.platform === "win32" });
  return probe.status === 0 && probe.stdout.trim().split(".")[0] === wanted;
}

/** @param {string} command @param {string[]} args */
function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(message);
  process.exit(2);
}
