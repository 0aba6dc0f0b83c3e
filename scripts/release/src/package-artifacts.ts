// The built, packed and installed packages in .artifacts/packages/, made once per change of their inputs: the
// package checks (scripts/release/src/check-packages.ts) make them, and the smoke test (scripts/release/test/) reuses them when their
// digest still matches the sources, so `pnpm test` builds once.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { publishablePackages } from "@clientele/registry/packages";
import { buildAll } from "./build.ts";
import { installConsumer, writeRunners } from "./consumer.ts";
import { type Pack, packThirdParty, packWorkspace } from "./pack.ts";

export interface PackageArtifacts {
  /** of every input that shapes the tarballs and the consumer project */
  digest: string;
  /** the consumer project, with every tarball installed */
  app: string;
  /** in publishablePackages order */
  packs: Pack[];
  /** tarballs of the third-party runtime dependencies */
  thirdParty: string[];
}

export const artifactsDir = (root: string) => join(root, ".artifacts", "packages");

// Besides each package's own files: what builds, packs and installs them, and the locked third-party versions.
const SHARED_INPUTS = [
  "scripts/release/src/tsdown-config.ts",
  "pnpm-lock.yaml",
  "scripts/release/src/build.ts",
  "scripts/release/src/pack.ts",
  "scripts/release/src/consumer.ts",
  "scripts/release/src/package-artifacts.ts",
];
const SKIPPED = new Set(["node_modules", "dist", "test", "CHANGELOG.md"]);

/**
 * A digest of the inputs: paths and contents of each publishable package's files (not tests, dist or
 * node_modules) and of SHARED_INPUTS.
 */
export async function inputsDigest(root: string): Promise<string> {
  const hash = createHash("sha256");
  const files = [...SHARED_INPUTS.map((f) => join(root, f))];
  for (const pkg of await publishablePackages(root)) files.push(...(await walk(join(root, pkg.dir))));
  for (const file of files.sort()) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(await readFile(file).catch(() => Buffer.from("(missing)")));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !SKIPPED.has(entry.name))
      .map((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)])),
  );
  return nested.flat();
}

/**
 * The artifacts for the current sources: reused when their digest matches (unless `rebuild`), else built, packed
 * and installed from scratch in a fresh folder that then replaces the old one, so a reader never sees half of it.
 */
export async function prepareArtifacts(
  root: string,
  { rebuild = false }: { rebuild?: boolean } = {},
): Promise<PackageArtifacts & { reused: boolean }> {
  const dir = artifactsDir(root);
  const digest = await inputsDigest(root);
  if (!rebuild) {
    const existing = await readState(dir);
    if (existing?.digest === digest) return { ...existing, reused: true };
  }
  const work = `${dir}.${process.pid}.${Date.now()}`;
  try {
    await mkdir(join(work, TARBALLS), { recursive: true });
    const packages = await buildAll({ root });
    const [packs, thirdParty] = await Promise.all([
      packWorkspace(root, packages, join(work, TARBALLS)),
      packThirdParty(root, packages, join(work, TARBALLS)),
    ]);
    await installConsumer(join(work, CONSUMER), [...packs.map((p) => p.tarball), ...thirdParty]);
    await writeRunners(join(work, CONSUMER));
    const state: State = {
      digest,
      packs: packs.map((p) => ({ ...p, tarball: basename(p.tarball) })),
      thirdParty: thirdParty.map((t) => basename(t)),
    };
    await writeFile(join(work, "state.json"), `${JSON.stringify(state, null, 2)}\n`);
    await rm(dir, { recursive: true, force: true });
    await rename(work, dir);
    return { ...resolveState(dir, state), reused: false };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const TARBALLS = "tarballs";
const CONSUMER = "consumer";

/** state.json names files relative to its folder, which moves into place after it is written. */
type State = Omit<PackageArtifacts, "app">;

function resolveState(dir: string, state: State): PackageArtifacts {
  return {
    digest: state.digest,
    app: join(dir, CONSUMER),
    packs: state.packs.map((p) => ({ ...p, tarball: join(dir, TARBALLS, p.tarball) })),
    thirdParty: state.thirdParty.map((t) => join(dir, TARBALLS, t)),
  };
}

async function readState(dir: string): Promise<PackageArtifacts | undefined> {
  try {
    return resolveState(dir, JSON.parse(await readFile(join(dir, "state.json"), "utf8")));
  } catch {
    return undefined;
  }
}
