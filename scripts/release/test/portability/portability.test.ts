// Our specs are published in the portal, so users feed them to other tools: every bundled spec (as the portal
// serves it) must load and generate with the mainstream generators, validate with two independent validators,
// and the generated code must type-check. A tool's own bug is allowed only as a listed exception, with its exact
// error text. The table is printed with the test's output and kept in .artifacts/portability.md.
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { bundleSpec } from "@clientele/portal/build-portal";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { makeOutputDir, slug, TOOLS, type Tool } from "./tools.js";

const root = repoRoot;
const TABLE = join(root, ".artifacts", "portability.md");

/**
 * Tool bugs, not spec faults: [tool, spec, the exact error]. Every entry must still occur (a fixed bug is taken
 * off the list), and no other failure is allowed.
 */
const KNOWN_TOOL_BUGS: [tool: string, spec: string, error: string][] = [];

type Outcome = { ok: true } | { ok: false; error: string };

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]?.trim();

/** tsc once over every generator's output; the first error of each tool × spec folder. */
function typeCheck(outRoot: string, folders: string[]): Map<string, string> {
  const tsc = join(root, "node_modules", ".bin", "tsc");
  // tsc prints file names relative to its working directory, so it runs in outRoot: each name then starts with
  // the tool and spec folders. (Run from the repo, the names climbed out of it, and errors went unattributed.)
  const result = spawnSync(tsc, ["-p", "tsconfig.json"], { cwd: outRoot, encoding: "utf8" });
  if (result.error) throw result.error;
  const errors = new Map<string, string>();
  for (const [, file, message] of result.stdout.matchAll(/^(.+?)\(\d+,\d+\): error (TS\d+: .+)$/gm)) {
    const folder = relative(outRoot, resolve(outRoot, file as string))
      .split(sep)
      .slice(0, 2)
      .join("/");
    if (!folders.includes(folder))
      throw new Error(`tsc reported an error outside every output folder:\n${result.stdout}`);
    if (!errors.has(folder)) errors.set(folder, `tsc: ${message}`);
  }
  if (result.status !== 0 && errors.size === 0) throw new Error(`tsc failed without a file error:\n${result.stdout}`);
  return errors;
}

function renderTable(specs: string[], outcomes: Map<string, Outcome>): string {
  const cell = (tool: Tool, spec: string) => {
    const outcome = outcomes.get(`${tool.name} × ${spec}`);
    if (!outcome) return "not run";
    if (outcome.ok) return "ok";
    const listed = KNOWN_TOOL_BUGS.some(([t, s, e]) => t === tool.name && s === spec && e === outcome.error);
    return `${listed ? "listed tool bug" : "**FAIL**"}: ${outcome.error.replaceAll("|", "\\|")}`;
  };
  const rows = TOOLS.map((tool) => `| ${tool.name} (${tool.kind}) | ${specs.map((s) => cell(tool, s)).join(" | ")} |`);
  return [
    "# Portability of the bundled specs",
    "",
    "Written by scripts/release/test/portability/portability.test.ts: each bundled spec (`redocly bundle`, as the portal serves",
    "it) through each tool; a generator's cell is ok only when its output also type-checks (`tsc`, strict).",
    "",
    `| tool | ${specs.join(" | ")} |`,
    `| --- | ${specs.map(() => "---").join(" | ")} |`,
    ...rows,
    "",
  ].join("\n");
}

describe("portability: every bundled spec works with the mainstream OpenAPI tools", async () => {
  const specs = (await readRegistry(root)).map((p) => ({ id: p.id, spec: p.spec }));
  const outcomes = new Map<string, Outcome>();
  let work = "";

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "clientele-portability-"));
    const outRoot = join(work, "out");
    await mkdir(outRoot);
    // Generated code imports its runtime (zod) as a user's project would: from node_modules.
    await symlink(join(root, "node_modules"), join(outRoot, "node_modules"), "dir");
    const generated: string[] = [];
    // Bundled together: each bundle is a Redocly process, and their start-up is most of their cost.
    const bundles = await Promise.all(
      specs.map(async ({ id, spec }) => {
        const file = join(work, `${id}.bundled.yaml`);
        return { id, file, bundled: await bundleSpec(root, spec, file) };
      }),
    );
    for (const { id, file, bundled } of bundles) {
      for (const tool of TOOLS) {
        const out = await makeOutputDir(outRoot, tool, id);
        const key = `${tool.name} × ${id}`;
        try {
          await tool.run({ spec: bundled, file, out });
          outcomes.set(key, { ok: true });
          if (tool.kind === "generator") generated.push(`${slug(tool.name)}/${id}`);
        } catch (error) {
          outcomes.set(key, { ok: false, error: firstLine(error) ?? "(no message)" });
        }
      }
    }
    await writeFile(
      join(outRoot, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          target: "es2022",
          module: "esnext",
          moduleResolution: "bundler",
          lib: ["es2022", "dom", "dom.iterable"],
          types: [],
        },
        include: generated,
      }),
    );
    for (const [folder, error] of typeCheck(outRoot, generated)) {
      const [toolSlug, id] = folder.split("/");
      const tool = TOOLS.find((t) => slug(t.name) === toolSlug);
      if (tool) outcomes.set(`${tool.name} × ${id}`, { ok: false, error });
    }
    await mkdir(join(root, ".artifacts"), { recursive: true });
    const table = renderTable(
      specs.map((s) => s.id),
      outcomes,
    );
    await writeFile(TABLE, table);
    // `pnpm test` shows the table (vitest prints a test file's console output), not only the artifact.
    console.log(table);
  }, 240_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  const cells = specs.flatMap(({ id }) => TOOLS.map((tool) => [`${tool.name} × ${id}`, { tool, id }] as const));

  test.each(cells)("%s: ok, or a listed tool bug with its exact error", (key, { tool, id }) => {
    const outcome = outcomes.get(key);
    const listed = KNOWN_TOOL_BUGS.find(([t, s]) => t === tool.name && s === id);
    expect(outcome).toEqual(listed ? { ok: false, error: listed[2] } : { ok: true });
  });

  test("every listed tool bug names a tool and a spec of the table", () => {
    const known = new Set<string>(cells.map(([key]) => key));
    expect(KNOWN_TOOL_BUGS.map(([t, s]) => `${t} × ${s}`).filter((key) => !known.has(key))).toEqual([]);
  });

  test("the table is kept as an artifact, one row per tool and a column per spec", async () => {
    const table = await readFile(TABLE, "utf8");
    for (const tool of TOOLS) expect(table).toContain(`| ${tool.name} (${tool.kind}) |`);
    expect(table).toContain(`| tool | ${specs.map((s) => s.id).join(" | ")} |`);
    expect(table).not.toContain("**FAIL**");
    expect(table).not.toContain("not run");
  });
});
