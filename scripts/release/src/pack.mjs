// @ts-check
// Tarballs exactly as a release would publish them, and the third-party packages they need, so a consumer project
// can be installed from local files only.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * pnpm as `pnpm pack` needs it: pnpm applies `publishConfig` and turns `workspace:*` into real versions, which npm
 * does not. The pinned pnpm when it is on PATH, else through npx (the way scripts/bootstrap.mjs installs).
 * @param {string} root
 * @returns {string[]} the command and its leading arguments
 */
export function pnpmCommand(root) {
  const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const wanted = String(packageManager).split("@")[1] ?? "";
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  return probe.status === 0 && probe.stdout.trim() === wanted ? ["pnpm"] : ["npx", "--yes", packageManager];
}

/**
 * Packs each package with pnpm into `dest`, from the dist/ the caller has just built: the packages' `prepack`
 * (which builds, so that a bare `pnpm pack` never ships an empty package) is skipped here so nothing builds twice.
 * @param {string} root
 * @param {import("@clientele/registry/packages").PublishablePackage[]} packages
 * @param {string} dest
 * @returns {Promise<{ name: string, tarball: string, bytes: number, files: string[] }[]>}
 */
export async function packWorkspace(root, packages, dest) {
  const [command = "pnpm", ...lead] = pnpmCommand(root);
  return Promise.all(
    packages.map(async (pkg) => {
      const args = [...lead, "pack", "--ignore-scripts", "--json", "--pack-destination", dest];
      const { stdout } = await run(command, args, { cwd: join(root, pkg.dir) });
      // Lifecycle output may precede the JSON result.
      const result = JSON.parse(stdout.slice(stdout.indexOf("{")));
      return {
        name: pkg.name,
        tarball: result.filename,
        bytes: result.size,
        files: result.files.map((/** @type {{ path: string }} */ f) => f.path),
      };
    }),
  );
}

/**
 * Packs, from the installed node_modules, every third-party package the workspace packages need at run time
 * (their `dependencies`, recursively), so an offline install finds them. Nothing is fetched.
 * @param {string} root
 * @param {import("@clientele/registry/packages").PublishablePackage[]} packages
 * @param {string} dest
 * @returns {Promise<string[]>} the tarballs
 */
export async function packThirdParty(root, packages, dest) {
  const workspace = new Set(packages.map((p) => p.name));
  /** @type {Map<string, string>} package@version → its installed folder */
  const found = new Map();
  /** @param {string} fromDir @param {Record<string, string> | undefined} deps */
  const visit = async (fromDir, deps) => {
    for (const name of Object.keys(deps ?? {})) {
      if (workspace.has(name)) continue;
      const dir = resolveInstalled(fromDir, name, root);
      const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
      const key = `${name}@${manifest.version}`;
      if (found.has(key)) continue;
      found.set(key, dir);
      await visit(dir, manifest.dependencies);
    }
  };
  for (const pkg of packages) await visit(join(root, pkg.dir), pkg.manifest.dependencies);
  // pnpm, not npm: the store hard-links files with equal content (index.d.mts = index.d.cts), and npm packs those
  // as tar hard links that its own install then drops.
  const [command = "pnpm", ...lead] = pnpmCommand(root);
  return Promise.all(
    [...found.values()].map(async (dir) => {
      const args = [...lead, "pack", "--ignore-scripts", "--json", "--pack-destination", dest];
      const { stdout } = await run(command, args, { cwd: dir });
      return JSON.parse(stdout.slice(stdout.indexOf("{"))).filename;
    }),
  );
}

/**
 * Node's lookup of `name` from `fromDir` (node_modules of each ancestor), on real paths, as pnpm lays them out.
 * @param {string} fromDir @param {string} name @param {string} root
 */
function resolveInstalled(fromDir, name, root) {
  for (let dir = realpathSync(fromDir); ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dir === dirname(dir)) break;
  }
  throw new Error(`${name} is not installed (looked up from ${fromDir}); run pnpm install in ${root}`);
}
