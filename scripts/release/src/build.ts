// `pnpm build`: every publishable package to its dist/ (ESM, CJS, .d.ts) with tsdown and the shared
// scripts/release/src/tsdown-config.ts. One process builds them all at once: each treats @clientele/core as an external import, so
// none waits for another, and the declaration builds share one warmed-up TypeScript.
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { publishablePackages } from "@clientele/registry/packages";
import { repoRoot } from "@clientele/registry/root";
import { build } from "tsdown";
import { packageConfig } from "./tsdown-config.ts";

const root = repoRoot;

/** Builds every publishable package; rejects naming each package that failed. */
export async function buildAll({ root: base = root }: { root?: string } = {}) {
  const packages = await publishablePackages(base);
  const results = await Promise.allSettled(
    // Each package's tsdown.config.ts is `packageConfig(import.meta.url)`; calling it here, rather than letting tsdown
    // load that file, keeps the shared TypeScript config importable in any process (tsdown's loader would import the
    // workspace package natively, which cannot run .ts).
    packages.map(async (pkg) => {
      const config = packageConfig(pathToFileURL(join(base, pkg.dir, "tsdown.config.ts")).href);
      await build({ ...config, config: false, logLevel: "warn" });
    }),
  );
  const failures = packages.flatMap((pkg, i) => {
    const result = results[i];
    if (result?.status !== "rejected") return [];
    const reason: unknown = result.reason;
    return [`${pkg.name}: ${reason instanceof Error ? reason.message : String(reason)}`];
  });
  if (failures.length > 0) throw new Error(`build failed:\n${failures.join("\n")}`);
  return packages;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    const packages = await buildAll();
    const names = packages.map((p) => p.name).join(", ");
    console.log(`build: ${names} → dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
