// The published shape of every package, checked on the real tarballs: build once, `pnpm pack`, then per package
// publint and attw on the tarball, the packed manifest (dist exports, no `workspace:` left), an offline install
// into a consumer project, a type check of that consumer against the shipped declarations, and the size budgets.
// The consumer's calls against the Prism mocks run in vitest (scripts/release/test/smoke.test.ts), on these artifacts.
import { realpathSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type PublishablePackage, publishablePackages } from "@clientele/registry/packages";
import { repoRoot } from "@clientele/registry/root";
import { twinFactories } from "@clientele/twins";
import { manifestProblems } from "./check-manifest.ts";
import { lintTarball } from "./lint-tarball.ts";
import { artifactsDir, prepareArtifacts } from "./package-artifacts.ts";
import { kB, measure, parseLimit, type SizeCheck } from "./sizes.ts";
import { readProviderPackages } from "./smoke-cases.ts";
import { twinsConsumer } from "./twins-consumer.ts";
import { typecheckConsumer } from "./typecheck-consumer.ts";

const root = repoRoot;

/** Per package: the tarball's size and each size-limit entry's measure, in bytes. */
type Report = Record<string, { packed: number; sizes: Record<string, number> }>;

const failures: string[] = [];
const fail = (name: string, problem: string) => failures.push(`${name}: ${problem}`);
const timings: string[] = [];
let lap = Date.now();
const time = (label: string) => {
  timings.push(`${label} ${((Date.now() - lap) / 1000).toFixed(1)} s`);
  lap = Date.now();
};

try {
  const [packages, providers] = await Promise.all([publishablePackages(root), readProviderPackages(root)]);
  const artifacts = await prepareArtifacts(root, { rebuild: true });
  time("build + pack + offline install");
  const { app, packs } = artifacts;

  const runs = providers.map(({ provider, pkg, smoke }) => {
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
    ...packs.map(async (pack) => {
      for (const problem of await lintTarball(pack.tarball)) fail(pack.name, problem);
    }),
  ]);
  if (typeErrors) fail("consumer type check", `the shipped declarations do not type-check:\n${typeErrors}`);
  for (const [i, pkg] of packages.entries()) {
    const manifest = JSON.parse(await readFile(join(app, "node_modules", pkg.name, "package.json"), "utf8"));
    for (const problem of manifestProblems(root, pkg, manifest, packs[i]?.files ?? [], packages))
      fail(pkg.name, problem);
  }
  time("publint + attw + consumer type check");

  const report: Report = {};
  for (const pack of packs) report[pack.name] = { packed: pack.bytes, sizes: {} };
  // Every package but core, which is measured inside each provider's bundle, keeps a budget.
  await Promise.all(
    packages
      .filter((pkg) => pkg.dir !== "packages/core")
      .map(async (pkg) => {
        const checks = pkg.manifest["size-limit"] as SizeCheck[] | undefined;
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

function sameFile(a: string, b: string) {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

function printReport(packages: PublishablePackage[], report: Report) {
  const width = Math.max(...packages.map((p) => p.name.length));
  console.log(`\n${"package".padEnd(width)}  packed     min+gz (size-limit entries)`);
  for (const pkg of packages) {
    const figures = report[pkg.name];
    if (!figures) continue;
    const checks = (pkg.manifest["size-limit"] ?? []) as SizeCheck[];
    const sizes = checks.map((check) => {
      const bytes = figures.sizes[check.name];
      if (bytes === undefined) return "";
      return `${check.name}: ${kB(bytes)}${check.limit ? ` (budget ${check.limit})` : " (recorded)"}`;
    });
    console.log(`${pkg.name.padEnd(width)}  ${kB(figures.packed).padEnd(9)}  ${sizes.join("; ") || "-"}`);
  }
  console.log("");
}
