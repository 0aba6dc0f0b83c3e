import { publishablePackages } from "@clientele/registry/packages";
import { repoRoot } from "@clientele/registry/root";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { runSmoke } from "../src/consumer.ts";
import { type PackageArtifacts, prepareArtifacts } from "../src/package-artifacts.ts";
import { readSmokeCases } from "../src/smoke-cases.ts";

const root = repoRoot;
const cases = await readSmokeCases(root);
const packages = await publishablePackages(root);
let artifacts: PackageArtifacts;

// Only when the sources changed since the last `pnpm test` step: a build, a pack and an offline install.
beforeAll(async () => {
  artifacts = await prepareArtifacts(root);
}, 180_000);

describe.each(cases.map(({ provider, smoke }) => ({ ...provider, smoke })))(
  "$id, installed from its tarball",
  ({ id, packageDir, smoke }) => {
    const name = packages.find((p) => p.dir === packageDir)?.name ?? `(no package in ${packageDir})`;
    test.each([
      ["esm", "an ES module (full client)", "/dist/index.mjs"],
      ["cjs", "CommonJS (full client built; transport + standalone function)", "/dist/index.cjs"],
    ] as const)("from %s, %s, calls the mock without sl-violations", async (format, _, entry) => {
      const result = await runSmoke(artifacts.app, format, { name, baseUrl: inject("mockUrls")[id] ?? "", smoke });
      expect(result.resolved.endsWith(`node_modules/${name}${entry}`)).toBe(true);
      expect(result.violations).toBeNull();
      expect(result.status).toBeGreaterThanOrEqual(200);
      expect(result.status).toBeLessThan(300);
      expect(result.sameApiError).toBe(true);
    });
  },
);
