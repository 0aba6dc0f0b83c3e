// "What changed since the last release" needs a commit to compare with. Per package, the last release is:
//   1. the newer of its newest release tag (`<name>@<version>`, as `changeset publish` tags) and the commit that
//      last changed its version (`changeset version`, which consumes the changesets, possibly not yet published);
//   2. with neither, the package was never released: then main's base (the merge-base of HEAD with main), which on
//      main itself is HEAD, so nothing is pending there, and on a branch is where the branch left main;
//   3. with no main ref either (a shallow or detached checkout of something else), nothing to compare with: said so,
//      never guessed.
// Only commits count: uncommitted edits in a shared work tree are nobody's release yet.
import { spawnSync } from "node:child_process";

export interface ReleaseBase {
  /** the commit to compare HEAD with; undefined when there is none */
  ref: string | undefined;
  /** where it came from, for the printout */
  how: string;
}

/** A commit found for a package, and how, for the printout. */
interface Found {
  commit: string;
  how: string;
}

/** Runs git; undefined when it fails (an unknown ref, no repository). */
export function git(root: string, args: string[]): string | undefined {
  const result = spawnSync("git", args, { cwd: root, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** @param options.mainRefs where main may live, first found wins */
export function releaseBase(
  root: string,
  pkg: { name: string; dir: string },
  { mainRefs = ["main", "origin/main"] }: { mainRefs?: string[] } = {},
): ReleaseBase {
  const head = git(root, ["rev-parse", "HEAD"]);
  if (!head) return { ref: undefined, how: "not a git checkout with commits: nothing to compare with" };
  const tag = newestTag(root, pkg.name);
  const bump = lastVersionChange(root, `${pkg.dir}/package.json`);
  if (tag && bump) {
    return git(root, ["merge-base", "--is-ancestor", tag.commit, bump.commit]) !== undefined &&
      tag.commit !== bump.commit
      ? { ref: bump.commit, how: bump.how }
      : { ref: tag.commit, how: tag.how };
  }
  if (tag) return { ref: tag.commit, how: tag.how };
  if (bump) return { ref: bump.commit, how: bump.how };

  const shallow = git(root, ["rev-parse", "--is-shallow-repository"]) === "true";
  for (const mainRef of mainRefs) {
    if (!git(root, ["rev-parse", "--verify", "--quiet", `${mainRef}^{commit}`])) continue;
    const base = git(root, ["merge-base", "HEAD", mainRef]);
    if (!base) continue;
    const at = base === head ? "HEAD itself" : short(base);
    return { ref: base, how: `main's base, ${at} (never released)` };
  }
  return {
    ref: undefined,
    how:
      `no release tag of ${pkg.name} and no main branch in this ${shallow ? "shallow " : ""}clone: nothing to ` +
      "compare with (fetch main and the tags for the full check)",
  };
}

const short = (sha: string) => sha.slice(0, 7);

/** The highest-versioned `<name>@<version>` tag reachable from HEAD. */
function newestTag(root: string, name: string): Found | undefined {
  const tags = (git(root, ["tag", "--list", `${name}@*`, "--merged", "HEAD"]) ?? "").split("\n").filter(Boolean);
  const parsed = tags
    .map((tag) => ({ tag, version: parseVersion(tag.slice(name.length + 1)) }))
    .filter((t) => t.version !== undefined);
  parsed.sort((a, b) => compareVersions(b.version ?? [], a.version ?? []));
  const newest = parsed[0];
  if (!newest) return undefined;
  const commit = git(root, ["rev-list", "-n", "1", newest.tag]);
  return commit ? { commit, how: `release tag ${newest.tag} (${short(commit)})` } : undefined;
}

/**
 * The newest commit that changed the `version` of this package.json from an earlier value (its creation does not
 * count: a version that was never bumped was never released by a version step).
 */
function lastVersionChange(root: string, manifest: string): Found | undefined {
  const commits = (git(root, ["log", "--format=%H", "-G", '"version"', "--", manifest]) ?? "").split("\n");
  for (const commit of commits.filter(Boolean)) {
    const after = versionAt(root, commit, manifest);
    const before = versionAt(root, `${commit}^`, manifest);
    if (before !== undefined && after !== undefined && before !== after) {
      return { commit, how: `version ${after} set in ${short(commit)} (from ${before})` };
    }
  }
  return undefined;
}

function versionAt(root: string, ref: string, manifest: string): string | undefined {
  const text = git(root, ["show", `${ref}:${manifest}`]);
  if (text === undefined) return undefined;
  try {
    const version: unknown = JSON.parse(text).version;
    return typeof version === "string" ? version : undefined;
  } catch {
    return undefined;
  }
}

/** "1.2.3" → [1, 2, 3]; pre-release suffixes sort below their release. */
function parseVersion(text: string): number[] | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)(-.+)?$/.exec(text);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] ? 0 : 1];
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Files under `paths` that differ between `ref` and HEAD (committed changes only).
 * @param pathspecs git pathspecs, exclusions included
 */
export function changedFiles(root: string, ref: string, pathspecs: string[]): string[] {
  const out = git(root, ["diff", "--name-only", ref, "HEAD", "--", ...pathspecs]);
  if (out === undefined) throw new Error(`git diff ${ref} HEAD failed: is ${ref} in this clone?`);
  return out.split("\n").filter(Boolean);
}

/** A file's content at a commit; undefined when the file did not exist there. */
export function fileAt(root: string, ref: string, path: string): string | undefined {
  return git(root, ["show", `${ref}:${path}`]);
}
