// The packed packages as a user gets them: installed offline from their tarballs into a consumer project
// (.artifacts/packages/consumer, made by scripts/check-packages.mjs and rebuilt here when the sources moved on),
// then one call per provider against its Prism mock, from an ES module and from CommonJS.
import { join } from "node:path";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { runSmoke } from "../../scripts/lib/consumer.mjs";
import { type PackageArtifacts, prepareArtifacts } from "../../scripts/lib/package-artifacts.mjs";
import { publishablePackages } from "../../scripts/lib/packages.mjs";
import { readRegistry } from "../../scripts/lib/registry.mjs";
import { smokeCases } from "../../scripts/lib/smoke-cases.mjs";

const root = join(import.meta.dirname, "..", "..");
const providers = await readRegistry(root);
const packages = await publishablePackages(root);
let artifacts: PackageArtifacts;

// Only when the sources changed since the last `pnpm test` step: a build, a pack and an offline install.
beforeAll(async () => {
  artifacts = await prepareArtifacts(root);
}, 180_000);

test("every provider in the registry has a smoke case", () => {
  expect(Object.keys(smokeCases).sort()).toEqual(providers.map((p) => p.id).sort());
});

describe.each(providers)("$id, installed from its tarball", ({ id, packageDir }) => {
  const smoke = smokeCases[id];
  const name = packages.find((p) => p.dir === packageDir)?.name ?? `(no package in ${packageDir})`;
  test.each([
    ["esm", "an ES module (full client)", "/dist/index.mjs"],
    ["cjs", "CommonJS (full client built; transport + standalone function)", "/dist/index.cjs"],
  ] as const)("from %s, %s, calls the mock without sl-violations", async (format, _, entry) => {
    if (!smoke) throw new Error(`no smoke case for ${id} in scripts/lib/smoke-cases.mjs`);
    const result = await runSmoke(artifacts.app, format, { name, baseUrl: inject("mockUrls")[id] ?? "", smoke });
    expect(result.resolved.endsWith(`node_modules/${name}${entry}`)).toBe(true);
    expect(result.violations).toBeNull();
    expect(result.status).toBeGreaterThanOrEqual(200);
    expect(result.status).toBeLessThan(300);
    expect(result.sameApiError).toBe(true);
  });
});
