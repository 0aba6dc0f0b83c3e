// @ts-check
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";

/**
 * @typedef {object} PublishablePackage
 * @property {string} name     e.g. `@clientele/cubit`
 * @property {string} version
 * @property {string} dir      the package folder, relative to the repository root (`packages/cubit`)
 * @property {string} folder   the folder's name (`cubit`), which is also the provider id for provider packages
 * @property {Record<string, any>} manifest the package.json
 */

/** Published packages outside packages/: the twins, which the repository's own scripts run from source. */
const OTHER_PACKAGES = ["twins"];

/**
 * The packages this repository publishes: every non-private package under packages/, in folder order, then the
 * twins (`@clientele/twins`, the test kit).
 * @param {string} root
 * @returns {Promise<PublishablePackage[]>}
 */
export async function publishablePackages(root) {
  const folders = (await readdir(join(root, "packages"), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const packages = [];
  for (const dir of [...folders.map((folder) => join("packages", folder)), ...OTHER_PACKAGES]) {
    const folder = basename(dir);
    const text = await readFile(join(root, dir, "package.json"), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const manifest = JSON.parse(text);
    if (manifest.private) continue;
    packages.push({ name: manifest.name, version: manifest.version, dir, folder, manifest });
  }
  return packages;
}
