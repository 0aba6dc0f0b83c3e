// A provider described once: a spec and a registry line go through the whole pipeline (generate, build, type-check a
// consumer, call Prism, render the docs page) with no hand-written line for it. The steps are CONTRIBUTING.md's
// "Adding a provider"; nothing here depends on the four real providers.
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { RunningChild } from "@clientele/devserver/child";
import { startPrism } from "@clientele/devserver/prism";
import { buildPortal } from "@clientele/portal/build-portal";
import { repoRoot } from "@clientele/registry/root";
import { packageConfig } from "@clientele/release/tsdown-config";
import { build } from "tsdown";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generate } from "../src/main.ts";

const SPEC = join(import.meta.dirname, "fixtures", "provider", "widgets.yaml");
const KEY = "widget-secret-key-4711";

let work: string;
let root: string;
let pkg: string;
let written: string[];

beforeAll(async () => {
  // Inside the repository, so Prism (which takes a spec path relative to it) and Node's resolution both reach it.
  await mkdir(join(repoRoot, ".artifacts"), { recursive: true });
  work = await mkdtemp(join(repoRoot, ".artifacts", "fixture-provider-"));
  root = join(work, "root");
  pkg = join(root, "packages", "widgets");
  // A repository root: the shared compiler settings every package extends; then 1. the spec, 2. its registry line.
  await mkdir(join(root, "specs"), { recursive: true });
  await copyFile(join(repoRoot, "tsconfig.base.json"), join(root, "tsconfig.base.json"));
  await copyFile(SPEC, join(root, "specs", "widgets.yaml"));
  await writeFile(join(root, "redocly.yaml"), "apis:\n  widgets@v1:\n    root: specs/widgets.yaml\n");
  // 3. `pnpm generate`: scaffolds the package and generates it.
  written = await generate({ write: true, root });
  // 4. `pnpm install` links the workspace's core into the new package.
  await mkdir(join(pkg, "node_modules", "@clientele"), { recursive: true });
  await symlink(join(repoRoot, "packages", "core"), join(pkg, "node_modules", "@clientele", "core"));
  // 5. `pnpm build`: the shared tsdown configuration, as for every package.
  await build({ ...packageConfig(pathToFileURL(join(pkg, "tsdown.config.ts")).href), config: false, logLevel: "warn" });
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("a provider added as one spec and one registry line", () => {
  test("generate writes the whole package, factory included, and --check finds it fresh", async () => {
    const files = written.map((file) => relative(join("packages", "widgets"), file)).sort();
    expect(files).toEqual(
      expect.arrayContaining(["README.md", "api.md", "package.json", "src/index.ts", "src/generated/client.ts"]),
    );
    expect(await generate({ write: false, root })).toEqual([]);
    const client = await readFile(join(pkg, "src", "generated", "client.ts"), "utf8");
    expect(client).toContain("export function createWidgetsClient(options: WidgetsClientOptions): WidgetsClient");
    expect(client).toContain('authHeaders: { "X-Widget-Key": apiKey }');
  });

  test("a consumer type-checks against the built declarations, and a wrong environment does not", () => {
    const consumer = join(work, "consumer.ts");
    const source = [
      `import { createWidgetsClient, type Widget } from "${join(pkg, "dist", "index.mjs")}";`,
      'const widgets = createWidgetsClient({ apiKey: "k", environment: "sandbox" });',
      "export const one: Promise<Widget> = widgets.getWidget(7);",
      'export const made: Promise<Widget> = widgets.createWidget({ name: "Sprocket" });',
      "export async function all() { for await (const widget of widgets.listWidgets()) widget.name.toUpperCase(); }",
      '// @ts-expect-error the spec names no such environment\ncreateWidgetsClient({ apiKey: "k", environment: "prod" });',
      '// @ts-expect-error the apiKey is required\ncreateWidgetsClient({ environment: "live" });',
    ].join("\n");
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
      types: [],
      skipLibCheck: false,
    };
    const host = ts.createCompilerHost(options);
    const readSource = host.readFile.bind(host);
    host.readFile = (name) => (name === consumer ? source : readSource(name));
    host.fileExists = (
      (exists) => (name: string) =>
        name === consumer || exists(name)
    )(host.fileExists.bind(host));
    const program = ts.createProgram({ rootNames: [consumer], options, host });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });

  describe("against its Prism mock", () => {
    let prism: RunningChild;
    const seen: { path: string; key: string | null; violations: string | null }[] = [];

    beforeAll(async () => {
      prism = await startPrism({ spec: relative(repoRoot, join(root, "specs", "widgets.yaml")), silent: true });
    });
    afterAll(async () => {
      await prism?.stop();
    });

    test("every call succeeds with the key in its header and no sl-violations", async () => {
      const { createWidgetsClient } = await import(pathToFileURL(join(pkg, "dist", "index.mjs")).href);
      const fetch = async (input: Request | string | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        const response = await globalThis.fetch(request);
        seen.push({
          path: new URL(request.url).pathname,
          key: request.headers.get("x-widget-key"),
          violations: response.headers.get("sl-violations"),
        });
        return response;
      };
      const widgets = createWidgetsClient({ apiKey: KEY, environment: "sandbox", baseUrl: prism.url, fetch });
      expect(await widgets.getWidget(7)).toEqual({ id: 7, name: "Sprocket" });
      expect(await widgets.createWidget({ name: "Sprocket" })).toMatchObject({ name: "Sprocket" });
      const listed = [];
      for await (const widget of widgets.listWidgets()) listed.push(widget);
      expect(listed).toEqual([{ id: 7, name: "Sprocket" }]);
      expect(seen).toEqual([
        { path: "/widgets/7", key: KEY, violations: null },
        { path: "/widgets", key: KEY, violations: null },
        { path: "/widgets", key: KEY, violations: null },
      ]);
    });
  });

  test("its docs page renders, with the generated samples", async () => {
    const out = join(work, "site");
    const manifest = await buildPortal({ root, out });
    expect(manifest.providers.map((p) => p.page)).toEqual(["widgets.html"]);
    const page = await readFile(join(out, "widgets.html"), "utf8");
    expect(page).toContain("Fixture Widgets API");
    expect(page).toContain("createWidgetsClient({");
  });
});
