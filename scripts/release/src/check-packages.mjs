#!/usr/bin/env node
// @ts-check
// The published shape of every package, checked on the real tarballs: build once, `pnpm pack`, then per package
// publint and attw on the tarball, the packed manifest (dist exports, no `workspace:` left), an offline install
// into a consumer project, a type check of that consumer against the shipped declarations, and the size budgets.
// The consumer's calls against the Prism mocks run in vitest (scripts/release/test/smoke.test.ts), on these artifacts.
import { existsSync, realpathSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { publishablePackages } from "@clientele/registry/packages";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { typecheckConsumer } from "./consumer.mjs";
import { artifactsDir, prepareArtifacts } from "./package-artifacts.mjs";
import { kB, measure, parseLimit } from "./sizes.mjs";
import { smokeCases, twinsConsumer } from "./smoke-cases.mjs";

const root = repoRoot;
const PREPACK = "pnpm --workspace-root run build";
/** @type {Promise<any> | undefined} attw's engine, loaded once */
let attwCore;

/** @type {string[]} */
const failures = [];
const fail = (/** @type {string} */ name, /** @type {string} */ problem) => failures.push(`${name}: ${problem}`);
const timings = /** @type {string[]} */ ([]);
let lap = Date.now();
const time = (/** @type {string} */ label) => {
  timings.push(`${label} ${((Date.now() - lap) / 1000).toFixed(1)} s`);
  lap = Date.now();
};

try {
  const [packages, providers] = await Promise.all([publishablePackages(root), readRegistry(root)]);
  const artifacts = await prepareArtifacts(root, { rebuild: true });
  time("build + pack + offline install");
  const { app, packs } = artifacts;

  const providerPackages = providers.map((provider) => {
    const pkg = packages.find((p) => p.dir === provider.packageDir);
    if (!pkg) {
      throw new Error(`redocly.yaml names provider ${provider.id}, but ${provider.packageDir} is not published`);
    }
    // The shipped spec must be the registry's: the package's openapi.yaml is a link to it, which the build reads.
    const link = join(root, provider.packageDir, "openapi.yaml");
    if (pkg.manifest.exports?.["./openapi.yaml"] !== "./openapi.yaml" || !sameFile(link, join(root, provider.spec))) {
      fail(pkg.name, `exports["./openapi.yaml"] must be ./openapi.yaml, a link to ${provider.spec}`);
    }
    const smoke = smokeCases[provider.id];
    if (!smoke) fail(pkg.name, `no smoke case: add "${provider.id}" to scripts/release/src/smoke-cases.mjs`);
    return { provider, pkg, smoke };
  });
  const runs = providerPackages.flatMap(({ pkg, smoke }) =>
    smoke ? [{ name: pkg.name, baseUrl: "http://127.0.0.1:1", smoke }] : [],
  );
  const kit = packages.some((p) => p.name === "@clientele/twins") ? twinsConsumer : [];
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

  /** @type {Record<string, { packed: number, sizes: Record<string, number> }>} */
  const report = {};
  for (const pack of packs) report[pack.name] = { packed: pack.bytes, sizes: {} };
  // Every package but core, which is measured inside each provider's bundle, keeps a budget.
  await Promise.all(
    packages
      .filter((pkg) => pkg.dir !== "packages/core")
      .map(async (pkg) => {
        const checks = /** @type {import("./sizes.mjs").SizeCheck[] | undefined} */ (pkg.manifest["size-limit"]);
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
 * @param {string} name @param {string} tarball
 */
async function lintTarball(name, tarball) {
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
  for (const problem of analysis.types ? analysis.problems : []) {
    const where = ["entrypoint", "resolutionKind"].flatMap((key) => (key in problem ? [problem[key]] : []));
    fail(name, `attw ${problem.kind}${where.length > 0 ? ` (${where.join(", ")})` : ""}; see \`attw ${tarball}\``);
  }
}

/** @param {string} a @param {string} b */
function sameFile(a, b) {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** The engine of the installed @arethetypeswrong/cli, loaded once. */
function arethetypeswrong() {
  const fromCli = createRequire(createRequire(import.meta.url).resolve("@arethetypeswrong/cli/package.json"));
  attwCore ??= import(fromCli.resolve("@arethetypeswrong/core"));
  return attwCore;
}

/**
 * What pnpm wrote into the tarball's package.json, against what the repository asks for.
 * @param {import("@clientele/registry/packages").PublishablePackage} pkg
 * @param {Record<string, any>} manifest the packed package.json
 * @param {string[]} files the tarball's files
 * @param {import("@clientele/registry/packages").PublishablePackage[]} packages
 */
function checkManifest(pkg, manifest, files, packages) {
  const { access: _, ...published } = pkg.manifest.publishConfig ?? {};
  for (const [field, value] of Object.entries(published)) {
    if (!isDeepStrictEqual(manifest[field], value)) fail(pkg.name, `packed ${field} is not publishConfig.${field}`);
  }
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
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
  // The build goes through the workspace root (`pnpm build`), which loads the shared tsdown config in TypeScript.
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

/**
 * @param {import("@clientele/registry/packages").PublishablePackage[]} packages
 * @param {Record<string, { packed: number, sizes: Record<string, number> }>} report
 */
function printReport(packages, report) {
  const width = Math.max(...packages.map((p) => p.name.length));
  console.log(`\n${"package".padEnd(width)}  packed     min+gz (size-limit entries)`);
  for (const pkg of packages) {
    const figures = report[pkg.name];
    if (!figures) continue;
    const checks = /** @type {{ name: string, limit?: string }[]} */ (pkg.manifest["size-limit"] ?? []);
    const sizes = checks.map((check) => {
      const bytes = figures.sizes[check.name];
      if (bytes === undefined) return "";
      return `${check.name}: ${kB(bytes)}${check.limit ? ` (budget ${check.limit})` : " (recorded)"}`;
    });
    console.log(`${pkg.name.padEnd(width)}  ${kB(figures.packed).padEnd(9)}  ${sizes.join("; ") || "-"}`);
  }
  console.log("");
}
