// The pending changesets (.changeset/*.md): which packages each one releases, and at which bump.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { publishablePackages } from "@clientele/registry/packages";
import { readRegistry } from "@clientele/registry/registry";
import { parse } from "yaml";

export const BUMPS = ["patch", "minor", "major"] as const;
export type Bump = (typeof BUMPS)[number];

export interface Changeset {
  /** relative to the repository root */
  file: string;
  /** package name → bump */
  releases: Record<string, Bump>;
}

/** What both release checks start from: the published packages, the providers, and the pending changesets. */
export async function releaseContext(root: string) {
  const [packages, providers] = await Promise.all([publishablePackages(root), readRegistry(root)]);
  const changesets = await readChangesets(
    root,
    packages.map((p) => p.name),
  );
  return { packages, providers, changesets };
}

/**
 * Every pending changeset, read from the work tree (a changeset written but not yet committed counts).
 * @param knownPackages names a changeset may release
 */
export async function readChangesets(root: string, knownPackages: string[]): Promise<Changeset[]> {
  const dir = join(root, ".changeset");
  const names = (await readdir(dir).catch((): string[] => [])).filter(
    (name) => name.endsWith(".md") && name !== "README.md",
  );
  return Promise.all(
    names.sort().map(async (name) => {
      const file = `.changeset/${name}`;
      return { file, releases: parseChangeset(file, await readFile(join(dir, name), "utf8"), knownPackages) };
    }),
  );
}

/** The front matter of a changeset: `"<package>": patch|minor|major` lines between `---` fences. */
export function parseChangeset(file: string, text: string, knownPackages: string[]): Record<string, Bump> {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(text);
  if (!match) throw new Error(`${file}: no front matter; a changeset starts with --- and a "<package>": <bump> list`);
  const releases: unknown = parse(match[1] ?? "") ?? {};
  if (typeof releases !== "object" || releases === null || Array.isArray(releases)) {
    throw new Error(`${file}: the front matter must map package names to patch, minor or major`);
  }
  for (const [name, bump] of Object.entries(releases)) {
    if (!knownPackages.includes(name)) {
      throw new Error(`${file}: "${name}" is not a published package (known: ${knownPackages.join(", ")})`);
    }
    if (!isBump(bump)) throw new Error(`${file}: "${name}": ${bump} is not patch, minor or major`);
  }
  return releases as Record<string, Bump>;
}

/** The highest bump the pending changesets give a package, with the files that give it. */
export function pendingBump(changesets: Changeset[], name: string): { bump: Bump | undefined; files: string[] } {
  const naming = changesets.filter((c) => c.releases[name] !== undefined);
  const bump = naming.reduce((highest: Bump | undefined, c) => maxBump(highest, c.releases[name]), undefined);
  return { bump, files: naming.map((c) => c.file) };
}

export function maxBump(a: Bump | undefined, b: Bump | undefined): Bump | undefined {
  return bumpRank(a) >= bumpRank(b) ? a : b;
}

/** -1 for none, then patch < minor < major. */
export function bumpRank(bump: Bump | undefined): number {
  return bump === undefined ? -1 : BUMPS.indexOf(bump);
}

export function isBump(value: unknown): value is Bump {
  return BUMPS.some((bump) => bump === value);
}
