import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";

export interface PublishablePackage {
  /** e.g. `@clientele/cubit` */
  name: string;
  version: string;
  /** the package folder, relative to the repository root (`packages/cubit`) */
  dir: string;
  /** the folder's name (`cubit`), which is also the provider id for provider packages */
  folder: string;
  /** the package.json */
  manifest: PackageManifest;
}

/** The fields of a package.json the tools read. */
export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  exports?: Record<string, unknown>;
  publishConfig?: { access?: string; [field: string]: unknown };
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  [field: string]: unknown;
}

/** Published packages outside packages/: the twins, which the repository's own scripts run from source. */
const OTHER_PACKAGES = ["twins"];

/**
 * The packages this repository publishes: every non-private package under packages/, in folder order, then the
 * twins (`@clientele/twins`, the test kit).
 */
export async function publishablePackages(root: string): Promise<PublishablePackage[]> {
  const folders = (await readdir(join(root, "packages"), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const packages: PublishablePackage[] = [];
  for (const dir of [...folders.map((folder) => join("packages", folder)), ...OTHER_PACKAGES]) {
    const folder = basename(dir);
    const text = await readFile(join(root, dir, "package.json"), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const manifest: PackageManifest = JSON.parse(text);
    if (manifest.private) continue;
    packages.push({ name: manifest.name, version: manifest.version, dir, folder, manifest });
  }
  return packages;
}
