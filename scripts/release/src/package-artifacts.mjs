// @ts-check
// The built, packed and installed packages in .artifacts/packages/, made once per change of their inputs: the
// package checks (scripts/release/src/check-packages.mjs) make them, and the smoke test (scripts/release/test/) reuses them when their
// digest still matches the sources, so `pnpm test` builds once.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { publishablePackages } from "@clientele/registry/packages";
import { buildAll } from "./build.mjs";
import { installConsumer, writeRunners } from "./consumer.mjs";
import { packThirdParty, packWorkspace } from "./pack.mjs";

/**
 * @typedef {object} PackageArtifacts
 * @property {string} digest  of every input that shapes the tarballs and the consumer project
 * @property {string} app     the consumer project, with every tarball installed
 * @property {{ name: string, tarball: string, bytes: number, files: string[] }[]} packs  in publishablePackages order
 * @property {string[]} thirdParty  tarballs of the third-party runtime dependencies
 */

/** @param {string} root */
export const artifactsDir = (root) => join(root, ".artifacts", "packages");

// Besides each package's own files: what builds, packs and installs them, and the locked third-party versions.
const SHARED_INPUTS = [
  "scripts/release/src/tsdown-config.ts",
  "pnpm-lock.yaml",
  "scripts/release/src/build.mjs",
  "scripts/release/src/pack.mjs",
  "scripts/release/src/consumer.mjs",
  "scripts/release/src/package-artifacts.mjs",
];
const SKIPPED = new Set(["node_modules", "dist", "test", "CHANGELOG.md"]);

/**
 * A digest of the inputs: paths and contents of each publishable package's files (not tests, dist or
 * node_modules) and of SHARED_INPUTS.
 * @param {string} root
 */
export async function inputsDigest(root) {
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

/** @param {string} dir @returns {Promise<string[]>} */
async function walk(dir) {
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
 * @param {string} root
 * @param {{ rebuild?: boolean }} [options]
 * @returns {Promise<PackageArtifacts & { reused: boolean }>}
 */
export async function prepareArtifacts(root, { rebuild = false } = {}) {
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
    /** @type {State} */
    const state = {
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

/**
 * state.json names files relative to its folder, which moves into place after it is written.
 * @typedef {Omit<PackageArtifacts, "app">} State
 */

/** @param {string} dir @param {State} state @returns {PackageArtifacts} */
function resolveState(dir, state) {
  return {
    digest: state.digest,
    app: join(dir, CONSUMER),
    packs: state.packs.map((p) => ({ ...p, tarball: join(dir, TARBALLS, p.tarball) })),
    thirdParty: state.thirdParty.map((t) => join(dir, TARBALLS, t)),
  };
}

/** @param {string} dir @returns {Promise<PackageArtifacts | undefined>} */
async function readState(dir) {
  try {
    return resolveState(dir, JSON.parse(await readFile(join(dir, "state.json"), "utf8")));
  } catch {
    return undefined;
  }
}
