// The changeset check and the breaking-change gate on throwaway git repositories: what "the last release" is with
// and without release tags, on main, on a branch, after a version step, and in shallow or detached clones.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { gateRepository } from "../src/check-api-changes.ts";
import { checkChangesets } from "../src/check-changesets.ts";
import { releaseBase } from "../src/release-base.ts";

const fixtures = join(import.meta.dirname, "fixtures", "api-changes");
const fixture = (name: string) => readFileSync(join(fixtures, `${name}.yaml`), "utf8");
const scratch = mkdtempSync(join(tmpdir(), "clientele-release-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const NAME = "@clientele/demo";
const PKG = { name: NAME, dir: "packages/demo" };
let repos = 0;

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync(
    "git",
    ["-c", "user.name=test", "-c", "user.email=test@example.test", "-c", "commit.gpgsign=false", ...args],
    { cwd, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}

function write(repo: string, file: string, content: string) {
  mkdirSync(dirname(join(repo, file)), { recursive: true });
  writeFileSync(join(repo, file), content);
}

const manifest = (version: string) => `${JSON.stringify({ name: NAME, version }, null, 2)}\n`;
const changeset = (bump: string) => `---\n"${NAME}": ${bump}\n---\n\nA change.\n`;

function commit(repo: string, message: string, files: Record<string, string>) {
  for (const [file, content] of Object.entries(files)) write(repo, file, content);
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", message);
}

/** A one-provider repository on main, as the foundation left this one: nothing released. Made once, then copied. */
let foundation: string | undefined;
function newRepo(): string {
  if (!foundation) {
    foundation = join(scratch, "foundation");
    mkdirSync(foundation);
    git(foundation, "init", "-q", "-b", "main");
    commit(foundation, "foundation", {
      "redocly.yaml": "apis:\n  demo@v1:\n    root: specs/demo.yaml\n",
      "specs/demo.yaml": fixture("base"),
      "packages/demo/package.json": manifest("0.1.0"),
      "packages/demo/src/index.ts": "export const one = 1;\n",
      ".changeset/README.md": "Changesets.\n",
    });
  }
  const repo = join(scratch, `repo-${repos++}`);
  // A plain copy of the folder, .git included, is a repository of its own: no test sees another's commits.
  cpSync(foundation, repo, { recursive: true });
  return repo;
}

async function checks(repo: string) {
  return { changesets: await checkChangesets(repo), gate: await gateRepository(repo) };
}

describe("never released (no tags)", () => {
  test("a clean main passes: main's base is HEAD itself", async () => {
    const repo = newRepo();
    commit(repo, "more work on main", { "packages/demo/src/index.ts": "export const two = 2;\n" });
    expect(releaseBase(repo, PKG).how).toContain("HEAD itself");
    const { changesets, gate } = await checks(repo);
    expect([changesets.ok, gate.ok]).toEqual([true, true]);
  });

  test("a branch that changes the package without a changeset fails, naming the file", async () => {
    const repo = newRepo();
    git(repo, "checkout", "-q", "-b", "feature");
    commit(repo, "feature", { "packages/demo/src/index.ts": "export const two = 2;\n" });
    const { changesets } = await checks(repo);
    expect(changesets.ok).toBe(false);
    expect(changesets.lines.join("\n")).toContain("packages/demo/src/index.ts");
  });

  test("a branch's tests and changelog need no changeset", async () => {
    const repo = newRepo();
    git(repo, "checkout", "-q", "-b", "feature");
    commit(repo, "tests", { "packages/demo/test/a.test.ts": "//\n", "packages/demo/CHANGELOG.md": "# x\n" });
    expect((await checks(repo)).changesets.ok).toBe(true);
  });
});

describe("released (tag @clientele/demo@0.1.0)", () => {
  function released() {
    const repo = newRepo();
    git(repo, "tag", `${NAME}@0.1.0`);
    return repo;
  }

  test("a change on main since the tag needs a changeset; with one it passes", async () => {
    const repo = released();
    commit(repo, "fix", { "packages/demo/src/index.ts": "export const one = 1.0;\n" });
    expect(releaseBase(repo, PKG).how).toContain(`release tag ${NAME}@0.1.0`);
    expect((await checks(repo)).changesets.ok).toBe(false);
    write(repo, ".changeset/fix.md", changeset("patch"));
    expect((await checks(repo)).changesets.ok).toBe(true);
  });

  test.each([
    ["removed-operation", "minor", false],
    ["removed-operation", "major", true],
    ["added-operation", "patch", false],
    ["added-operation", "minor", true],
  ])("spec → %s with a pending %s changeset: gate ok=%s", async (after, bump, ok) => {
    const repo = released();
    commit(repo, "vendor changed the API", {
      "specs/demo.yaml": fixture(after),
      ".changeset/api.md": changeset(bump),
    });
    const { gate, changesets } = await checks(repo);
    expect(changesets.ok).toBe(true);
    expect(gate.ok).toBe(ok);
  });

  test("after the version step (changesets consumed, not yet published) the version commit is the base", async () => {
    const repo = released();
    commit(repo, "spec change", {
      "specs/demo.yaml": fixture("removed-operation"),
      ".changeset/a.md": changeset("major"),
    });
    git(repo, "rm", "-q", ".changeset/a.md");
    commit(repo, "version packages", { "packages/demo/package.json": manifest("1.0.0") });
    expect(releaseBase(repo, PKG).how).toContain("version 1.0.0 set in");
    const { changesets, gate } = await checks(repo);
    expect([changesets.ok, gate.ok]).toEqual([true, true]);
  });

  test("a newer tag wins over an older version commit", async () => {
    const repo = released();
    commit(repo, "version packages", { "packages/demo/package.json": manifest("0.2.0") });
    commit(repo, "more", { "packages/demo/src/index.ts": "export const three = 3;\n" });
    git(repo, "tag", `${NAME}@0.2.0`);
    expect(releaseBase(repo, PKG).how).toContain(`release tag ${NAME}@0.2.0`);
  });
});

describe("clones that lack history", () => {
  test("a shallow clone of a clean main passes", async () => {
    const origin = newRepo();
    git(origin, "tag", `${NAME}@0.1.0`);
    commit(origin, "released work", {
      "packages/demo/src/index.ts": "export const two = 2;\n",
      ".changeset/two.md": changeset("minor"),
    });
    const clone = join(scratch, `shallow-${repos++}`);
    git(scratch, "clone", "-q", "--depth", "1", `file://${origin}`, clone);
    const { changesets, gate } = await checks(clone);
    expect([changesets.ok, gate.ok]).toEqual([true, true]);
  });

  test("a detached checkout with no main ref and no tag says there is nothing to compare with", async () => {
    const origin = newRepo();
    const clone = join(scratch, `detached-${repos++}`);
    git(scratch, "clone", "-q", "--depth", "1", "--no-tags", `file://${origin}`, clone);
    git(clone, "checkout", "-q", "--detach");
    git(clone, "branch", "-q", "-D", "main");
    git(clone, "remote", "remove", "origin");
    const base = releaseBase(clone, PKG);
    expect(base.ref).toBeUndefined();
    expect(base.how).toContain("shallow clone: nothing to compare with");
    expect((await checks(clone)).changesets.ok).toBe(true);
  });
});
