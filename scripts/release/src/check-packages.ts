// The published shape of every package, checked on the real tarballs: build once, `pnpm pack`, then per package
// publint and attw on the tarball, the packed manifest (dist exports, no `workspace:` left), an offline install
// into a consumer project, a type check of that consumer against the shipped declarations, and the size budgets.
// The consumer's calls against the Prism mocks run in vitest (scripts/release/test/smoke.test.ts), on these artifacts.
import { existsSync, realpathSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { type PublishablePackage, publishablePackages } from "@clientele/registry/packages";
import { repoRoot } from "@clientele/registry/root";
import { twinFactories } from "@clientele/twins";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { typecheckConsumer } from "./consumer.ts";
import { artifactsDir, prepareArtifacts } from "./package-artifacts.ts";
import { kB, measure, parseLimit, type SizeCheck } from "./sizes.ts";
import { readSmokeCases } from "./smoke-cases.ts";
import { twinsConsumer } from "./twins-consumer.ts";

const root = repoRoot;

/** What a package's `prepack` runs, so a bare `pnpm pack` or `npm publish` in a fresh clone ships a built dist/. */
const PREPACK = "pnpm --workspace-root run build";

/** Per package: the tarball's size and each size-limit entry's measure, in bytes. */
type Report = Record<string, { packed: number; sizes: Record<string, number> }>;

/** The fields of a packed package.json this check reads. */
interface Manifest extends Record<string, unknown> {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  sideEffects?: unknown;
  engines?: { node?: string };
  files?: string[];
}
/** What this check uses of attw's engine (@arethetypeswrong/core, a dependency of the CLI, not of ours). */
interface AttwCore {
  createPackageFromTarballData(data: Uint8Array): unknown;
  checkPackage(
    pkg: unknown,
    options: { excludeEntrypoints: RegExp[] },
  ): Promise<{ types: false } | { types: object; problems: AttwProblem[] }>;
}
interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
}
/** attw's engine, loaded once */
let attwCore: Promise<AttwCore> | undefined;

const failures: string[] = [];
const fail = (name: string, problem: string) => failures.push(`${name}: ${problem}`);
const timings: string[] = [];
let lap = Date.now();
const time = (label: string) => {
  timings.push(`${label} ${((Date.now() - lap) / 1000).toFixed(1)} s`);
  lap = Date.now();
};

try {
  const [packages, cases] = await Promise.all([publishablePackages(root), readSmokeCases(root)]);
  const artifacts = await prepareArtifacts(root, { rebuild: true });
  time("build + pack + offline install");
  const { app, packs } = artifacts;

  const runs = cases.map(({ provider, smoke }) => {
    const pkg = packages.find((p) => p.dir === provider.packageDir);
    if (!pkg) {
      throw new Error(`redocly.yaml names provider ${provider.id}, but ${provider.packageDir} is not published`);
    }
    // The shipped spec must be the registry's: the package's openapi.yaml is a link to it, which the build reads.
    const link = join(root, provider.packageDir, "openapi.yaml");
    if (pkg.manifest.exports?.["./openapi.yaml"] !== "./openapi.yaml" || !sameFile(link, join(root, provider.spec))) {
      fail(pkg.name, `exports["./openapi.yaml"] must be ./openapi.yaml, a link to ${provider.spec}`);
    }
    return { id: provider.id, name: pkg.name, baseUrl: "http://127.0.0.1:1", smoke };
  });
  const kit = packages.some((p) => p.name === "@clientele/twins")
    ? twinsConsumer(runs, Object.keys(twinFactories))
    : [];
  const [typeErrors] = await Promise.all([
    typecheckConsumer(root, app, runs, kit),
    ...packs.map((pack) => lintTarball(pack.name, pack.tarball)),
  ]);
  if (typeErrors) fail("consumer type check", `the shipped declarations do not type-check:\n${typeErrors}`);
  for (const [i, pkg] of packages.entries()) {
    const manifest = JSON.parse(await readFile(join(app, "node_modules", pkg.name, "package.json"), "utf8"));
    checkManifest(pkg, manifest, packs[i]?.files ?? [], packages);
  }
  time("publint + attw + consumer type check");

  const report: Report = {};
  for (const pack of packs) report[pack.name] = { packed: pack.bytes, sizes: {} };
  // Every package but core, which is measured inside each provider's bundle, keeps a budget.
  await Promise.all(
    packages
      .filter((pkg) => pkg.dir !== "packages/core")
      .map(async (pkg) => {
        const checks: SizeCheck[] | undefined = pkg.manifest["size-limit"];
        if (!checks?.some((check) => check.limit)) {
          fail(pkg.name, 'no size budget: add a "size-limit" entry with a "limit" to its package.json');
          return;
        }
        for (const check of checks) {
          const entry = join(app, "node_modules", pkg.name, check.path ?? "dist/index.mjs");
          const bytes = await measure(entry, check);
          const sizes = report[pkg.name]?.sizes;
          if (sizes) sizes[check.name] = bytes;
          if (check.limit && bytes > parseLimit(check.limit)) {
            fail(pkg.name, `"${check.name}" is ${kB(bytes)} min+gz, over its ${check.limit} budget`);
          }
        }
      }),
  );
  time("sizes");

  printReport(packages, report);
  await writeFile(join(artifactsDir(root), "report.json"), `${JSON.stringify(report, null, 2)}\n`);
} catch (error) {
  fail("check-packages", error instanceof Error ? (error.stack ?? error.message) : String(error));
}

console.log(timings.join(", "));
if (failures.length > 0) {
  console.error(`\n✘ ${failures.length} package problem(s):\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  process.exit(1);
}
console.log("✔ every package builds, packs, lints clean, installs offline and type-checks as a dependency");

/**
 * publint (strict: suggestions fail too) and attw on the tarball itself. attw runs in-process on the tarball
 * rather than as `attw --pack`: that packs with npm, which ignores pnpm's publishConfig and `workspace:`
 * rewriting, and so would check a package nobody publishes.
 */
async function lintTarball(name: string, tarball: string) {
  const bytes = await readFile(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    level: "suggestion",
    strict: true,
  });
  for (const message of messages) fail(name, `publint ${message.type}: ${formatMessage(message, pkg) ?? message.code}`);
  const attw = await arethetypeswrong();
  // The specs a provider ships (`./openapi.yaml`, `./openapi.json`) are data for tools, not modules with types.
  const analysis = await attw.checkPackage(attw.createPackageFromTarballData(new Uint8Array(bytes)), {
    excludeEntrypoints: [/\.(json|yaml)$/],
  });
  if (!analysis.types) fail(name, "attw: the package ships no types");
  // The CLI's default `strict` profile: every problem counts, node10 resolution included.
  for (const problem of analysis.types === false ? [] : analysis.problems) {
    const where = [problem.entrypoint, problem.resolutionKind].filter((part) => part !== undefined);
    fail(name, `attw ${problem.kind}${where.length > 0 ? ` (${where.join(", ")})` : ""}; see \`attw ${tarball}\``);
  }
}

function sameFile(a: string, b: string) {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** The engine of the installed @arethetypeswrong/cli, loaded once. */
function arethetypeswrong() {
  const fromCli = createRequire(createRequire(import.meta.url).resolve("@arethetypeswrong/cli/package.json"));
  attwCore ??= import(fromCli.resolve("@arethetypeswrong/core")) as Promise<AttwCore>;
  return attwCore;
}

/**
 * What pnpm wrote into the tarball's package.json, against what the repository asks for.
 * @param manifest the packed package.json
 * @param files the tarball's files
 */
function checkManifest(pkg: PublishablePackage, manifest: Manifest, files: string[], packages: PublishablePackage[]) {
  const { access: _, ...published }: Record<string, unknown> = pkg.manifest.publishConfig ?? {};
  for (const [field, value] of Object.entries(published)) {
    if (!isDeepStrictEqual(manifest[field], value)) fail(pkg.name, `packed ${field} is not publishConfig.${field}`);
  }
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"] as const) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      const local = packages.find((p) => p.name === dep);
      if (String(range).startsWith("workspace:")) fail(pkg.name, `packed ${field}.${dep} is still ${range}`);
      else if (local && range !== local.version) {
        fail(pkg.name, `packed ${field}.${dep} is ${range}, not the workspace's ${local.version}`);
      }
    }
  }
  if (manifest.sideEffects !== false) fail(pkg.name, "package.json must say sideEffects: false");
  if (!manifest.engines?.node) fail(pkg.name, "package.json must declare engines.node");
  // A bare `pnpm pack` or `npm publish` in a fresh clone would otherwise ship no dist/ at all, silently.
  // The root build (build.ts), not tsdown itself: tsdown's config loader cannot import the shared TypeScript config.
  if (pkg.manifest.scripts?.prepack !== PREPACK) fail(pkg.name, `package.json needs "prepack": "${PREPACK}"`);
  // A provider package also ships the api.md that `pnpm generate` writes beside its README.
  const docs = existsSync(join(root, pkg.dir, "api.md")) ? ["api.md"] : [];
  const shipped = ["dist", ...docs];
  if (!isDeepStrictEqual(manifest.files, shipped))
    fail(pkg.name, `package.json files must be ${JSON.stringify(shipped)}`);
  for (const required of ["README.md", "LICENSE", "package.json", ...docs]) {
    if (!files.includes(required)) fail(pkg.name, `the tarball has no ${required}`);
  }
  const stray = files.filter(
    (f) => !f.startsWith("dist/") && !["README.md", "LICENSE", "package.json", ...docs].includes(f),
  );
  if (stray.length > 0) fail(pkg.name, `the tarball ships files outside dist/: ${stray.join(", ")}`);
}

function printReport(packages: PublishablePackage[], report: Report) {
  const width = Math.max(...packages.map((p) => p.name.length));
  console.log(`\n${"package".padEnd(width)}  packed     min+gz (size-limit entries)`);
  for (const pkg of packages) {
    const figures = report[pkg.name];
    if (!figures) continue;
    const checks: SizeCheck[] = pkg.manifest["size-limit"] ?? [];
    const sizes = checks.map((check) => {
      const bytes = figures.sizes[check.name];
      if (bytes === undefined) return "";
      return `${check.name}: ${kB(bytes)}${check.limit ? ` (budget ${check.limit})` : " (recorded)"}`;
    });
    console.log(`${pkg.name.padEnd(width)}  ${kB(figures.packed).padEnd(9)}  ${sizes.join("; ") || "-"}`);
  }
  console.log("");
}
