#!/usr/bin/env node
// @ts-check
// `pnpm build`: every publishable package to its dist/ (ESM, CJS, .d.ts) with tsdown and the shared
// tsdown.config.base.ts. One process builds them all at once: each treats @clientele/core as an external import, so
// none waits for another, and the declaration builds share one warmed-up TypeScript.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsdown";
import { publishablePackages } from "./lib/packages.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Builds every publishable package; rejects naming each package that failed.
 * @param {{ root?: string }} [options]
 */
export async function buildAll({ root: base = root } = {}) {
  const packages = await publishablePackages(base);
  const results = await Promise.allSettled(
    packages.map((pkg) => build({ config: join(base, pkg.dir, "tsdown.config.ts"), logLevel: "warn" })),
  );
  const failures = packages.flatMap((pkg, i) => {
    const result = results[i];
    return result?.status === "rejected" ? [`${pkg.name}: ${result.reason?.message ?? result.reason}`] : [];
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
