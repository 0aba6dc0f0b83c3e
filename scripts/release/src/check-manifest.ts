// What pnpm wrote into a tarball's package.json, against what the repository asks of every published package.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { PublishablePackage } from "@clientele/registry/packages";

/** What a package's `prepack` runs, so a bare `pnpm pack` or `npm publish` in a fresh clone ships a built dist/. */
const PREPACK = "pnpm --workspace-root run build";

/** The fields of a packed package.json this check reads. */
interface Manifest extends Record<string, unknown> {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  sideEffects?: unknown;
  engines?: { node?: string };
  files?: string[];
}

/**
 * What pnpm wrote into the tarball's package.json, against what the repository asks for.
 * @param manifest the packed package.json
 * @param files the tarball's files
 */
export function manifestProblems(
  root: string,
  pkg: PublishablePackage,
  manifest: Manifest,
  files: string[],
  packages: PublishablePackage[],
): string[] {
  const problems: string[] = [];
  const fail = (problem: string) => problems.push(problem);
  const { access: _, ...published }: Record<string, unknown> = pkg.manifest.publishConfig ?? {};
  for (const [field, value] of Object.entries(published)) {
    if (!isDeepStrictEqual(manifest[field], value)) fail(`packed ${field} is not publishConfig.${field}`);
  }
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"] as const) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      const local = packages.find((p) => p.name === dep);
      if (String(range).startsWith("workspace:")) fail(`packed ${field}.${dep} is still ${range}`);
      else if (local && range !== local.version) {
        fail(`packed ${field}.${dep} is ${range}, not the workspace's ${local.version}`);
      }
    }
  }
  if (manifest.sideEffects !== false) fail("package.json must say sideEffects: false");
  if (!manifest.engines?.node) fail("package.json must declare engines.node");
  // A bare `pnpm pack` or `npm publish` in a fresh clone would otherwise ship no dist/ at all, silently.
  // The root build (build.ts), not tsdown itself: tsdown's config loader cannot import the shared TypeScript config.
  if (pkg.manifest.scripts?.prepack !== PREPACK) fail(`package.json needs "prepack": "${PREPACK}"`);
  // A provider package also ships the api.md that `pnpm generate` writes beside its README.
  const docs = existsSync(join(root, pkg.dir, "api.md")) ? ["api.md"] : [];
  const shipped = ["dist", ...docs];
  if (!isDeepStrictEqual(manifest.files, shipped)) fail(`package.json files must be ${JSON.stringify(shipped)}`);
  for (const required of ["README.md", "LICENSE", "package.json", ...docs]) {
    if (!files.includes(required)) fail(`the tarball has no ${required}`);
  }
  const stray = files.filter(
    (f) => !f.startsWith("dist/") && !["README.md", "LICENSE", "package.json", ...docs].includes(f),
  );
  if (stray.length > 0) fail(`the tarball ships files outside dist/: ${stray.join(", ")}`);
  return problems;
}
