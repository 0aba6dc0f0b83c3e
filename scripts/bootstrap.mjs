#!/usr/bin/env node
// @ts-check
// The front door for a fresh machine: `npm start` / `npm test` work with nothing but Node >= 20.
// Installs dependencies with the pinned pnpm when node_modules is missing or older than the lockfile, then runs
// the named task. Uses only Node built-ins: it runs before anything is installed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

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
