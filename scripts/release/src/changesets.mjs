// @ts-check
// The pending changesets (.changeset/*.md): which packages each one releases, and at which bump.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { publishablePackages } from "@clientele/registry/packages";
import { readRegistry } from "@clientele/registry/registry";
import { parse } from "yaml";

export const BUMPS = /** @type {const} */ (["patch", "minor", "major"]);
/** @typedef {typeof BUMPS[number]} Bump */

/**
 * @typedef {object} Changeset
 * @property {string} file     relative to the repository root
 * @property {Record<string, Bump>} releases package name → bump
 */

/**
 * What both release checks start from: the published packages, the providers, and the pending changesets.
 * @param {string} root
 */
export async function releaseContext(root) {
  const [packages, providers] = await Promise.all([publishablePackages(root), readRegistry(root)]);
  const changesets = await readChangesets(
    root,
    packages.map((p) => p.name),
  );
  return { packages, providers, changesets };
}

/**
 * Every pending changeset, read from the work tree (a changeset written but not yet committed counts).
 * @param {string} root
 * @param {string[]} knownPackages names a changeset may release
 * @returns {Promise<Changeset[]>}
 */
export async function readChangesets(root, knownPackages) {
  const dir = join(root, ".changeset");
  const names = (await readdir(dir).catch(() => /** @type {string[]} */ ([]))).filter(
    (name) => name.endsWith(".md") && name !== "README.md",
  );
  return Promise.all(
    names.sort().map(async (name) => {
      const file = `.changeset/${name}`;
      return { file, releases: parseChangeset(file, await readFile(join(dir, name), "utf8"), knownPackages) };
    }),
  );
}

/**
 * The front matter of a changeset: `"<package>": patch|minor|major` lines between `---` fences.
 * @param {string} file @param {string} text @param {string[]} knownPackages
 * @returns {Record<string, Bump>}
 */
export function parseChangeset(file, text, knownPackages) {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(text);
  if (!match) throw new Error(`${file}: no front matter; a changeset starts with --- and a "<package>": <bump> list`);
  const releases = parse(match[1] ?? "") ?? {};
  if (typeof releases !== "object" || Array.isArray(releases)) {
    throw new Error(`${file}: the front matter must map package names to patch, minor or major`);
  }
  for (const [name, bump] of Object.entries(releases)) {
    if (!knownPackages.includes(name)) {
      throw new Error(`${file}: "${name}" is not a published package (known: ${knownPackages.join(", ")})`);
    }
    if (!BUMPS.includes(bump)) throw new Error(`${file}: "${name}": ${bump} is not patch, minor or major`);
  }
  return releases;
}

/**
 * The highest bump the pending changesets give a package, with the files that give it.
 * @param {Changeset[]} changesets @param {string} name
 * @returns {{ bump: Bump | undefined, files: string[] }}
 */
export function pendingBump(changesets, name) {
  const naming = changesets.filter((c) => c.releases[name] !== undefined);
  const bump = naming.reduce(
    (/** @type {Bump | undefined} */ highest, c) => maxBump(highest, c.releases[name]),
    undefined,
  );
  return { bump, files: naming.map((c) => c.file) };
}

/** @param {Bump | undefined} a @param {Bump | undefined} b */
export function maxBump(a, b) {
  return bumpRank(a) >= bumpRank(b) ? a : b;
}

/** -1 for none, then patch < minor < major. @param {Bump | undefined} bump */
export function bumpRank(bump) {
  return bump === undefined ? -1 : BUMPS.indexOf(bump);
}
