// Tarballs exactly as a release would publish them, and the third-party packages they need, so a consumer project
// can be installed from local files only.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import type { PublishablePackage } from "@clientele/registry/packages";

const run = promisify(execFile);

/**
 * pnpm as `pnpm pack` needs it: pnpm applies `publishConfig` and turns `workspace:*` into real versions, which npm
 * does not. The pinned pnpm when it is on PATH, else through npx (the way scripts/bootstrap.mjs installs).
 * @returns the command and its leading arguments
 */
export function pnpmCommand(root: string): string[] {
  const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const wanted = String(packageManager).split("@")[1] ?? "";
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  return probe.status === 0 && probe.stdout.trim() === wanted ? ["pnpm"] : ["npx", "--yes", packageManager];
}

/** A package's tarball, as `pnpm pack --json` describes it. */
export interface Pack {
  name: string;
  tarball: string;
  bytes: number;
  files: string[];
}

/** What `pnpm pack --json` prints, of what is read here. */
interface PackResult {
  filename: string;
  size: number;
  files: { path: string }[];
}

/** Lifecycle output may precede the JSON result. */
const packResult = (stdout: string): PackResult => JSON.parse(stdout.slice(stdout.indexOf("{")));

/**
 * Packs each package with pnpm into `dest`, from the dist/ the caller has just built: the packages' `prepack`
 * (which builds, so that a bare `pnpm pack` never ships an empty package) is skipped here so nothing builds twice.
 */
export async function packWorkspace(root: string, packages: PublishablePackage[], dest: string): Promise<Pack[]> {
  const [command = "pnpm", ...lead] = pnpmCommand(root);
  return Promise.all(
    packages.map(async (pkg) => {
      const args = [...lead, "pack", "--ignore-scripts", "--json", "--pack-destination", dest];
      const { stdout } = await run(command, args, { cwd: join(root, pkg.dir) });
      const result = packResult(stdout);
      return { name: pkg.name, tarball: result.filename, bytes: result.size, files: result.files.map((f) => f.path) };
    }),
  );
}

/**
 * Packs, from the installed node_modules, every third-party package the workspace packages need at run time
 * (their `dependencies`, recursively), so an offline install finds them. Nothing is fetched.
 * @returns the tarballs
 */
export async function packThirdParty(root: string, packages: PublishablePackage[], dest: string): Promise<string[]> {
  const workspace = new Set(packages.map((p) => p.name));
  /** package@version → its installed folder */
  const found = new Map<string, string>();
  const visit = async (fromDir: string, deps: Record<string, string> | undefined): Promise<void> => {
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
      return packResult(stdout).filename;
    }),
  );
}

/** Node's lookup of `name` from `fromDir` (node_modules of each ancestor), on real paths, as pnpm lays them out. */
function resolveInstalled(fromDir: string, name: string, root: string): string {
  for (let dir = realpathSync(fromDir); ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dir === dirname(dir)) break;
  }
  throw new Error(`${name} is not installed (looked up from ${fromDir}); run pnpm install in ${root}`);
}
