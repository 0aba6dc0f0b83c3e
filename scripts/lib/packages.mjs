// @ts-check
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * @typedef {object} PublishablePackage
 * @property {string} name     e.g. `@clientele/cubit`
 * @property {string} version
 * @property {string} dir      the package folder, relative to the repository root (`packages/cubit`)
 * @property {string} folder   the folder's name (`cubit`), which is also the provider id for provider packages
 * @property {Record<string, any>} manifest the package.json
 */

/**
 * The packages this repository publishes: every non-private package under packages/, in folder order.
 * @param {string} root
 * @returns {Promise<PublishablePackage[]>}
 */
export async function publishablePackages(root) {
  const folders = (await readdir(join(root, "packages"), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const packages = [];
  for (const folder of folders) {
    const dir = join("packages", folder);
    const text = await readFile(join(root, dir, "package.json"), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const manifest = JSON.parse(text);
    if (manifest.private) continue;
    packages.push({ name: manifest.name, version: manifest.version, dir, folder, manifest });
  }
  return packages;
}
