import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "@clientele/registry/root";
import { buildPortal, portalInputs, readManifest } from "../build-portal.js";
import type { PortalManifest } from "../manifest.js";

const root = repoRoot;
const PREFIX = "clientele-portal-";
const STALE_LOCK_MS = 5 * 60_000;
const OLD_BUILD_MS = 60 * 60_000;

/**
 * The docs portal built from the current inputs, once for every test file and test run that needs it: a folder in
 * the temp dir named after the inputs' digest. The first caller builds it under a lock; the others wait for its
 * manifest, which the build writes last.
 */
export async function sharedPortal(): Promise<{ dir: string; manifest: PortalManifest }> {
  const inputs = await portalInputs(root);
  const dir = join(tmpdir(), `${PREFIX}${inputs}`);
  const lock = `${dir}.lock`;
  for (const started = Date.now(); Date.now() - started < 170_000; ) {
    const manifest = await readManifest(dir);
    if (manifest?.inputs === inputs) return { dir, manifest };
    if (await acquire(lock)) {
      try {
        await removeOldBuilds(dir);
        return { dir, manifest: await buildPortal({ root, out: dir }) };
      } finally {
        await rm(lock, { recursive: true, force: true });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for another test run to build the portal in ${dir} (lock ${lock})`);
}

async function acquire(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
    return true;
  } catch {
    // A lock left by a run that died: take it over.
    const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
    if (age > STALE_LOCK_MS) await rm(lock, { recursive: true, force: true });
    return false;
  }
}

/** Builds of older inputs, untouched for an hour: nobody is reading them any more. */
async function removeOldBuilds(current: string) {
  for (const name of await readdir(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!name.startsWith(PREFIX) || path === current || name.endsWith(".lock")) continue;
    const modified = (await stat(path).catch(() => undefined))?.mtimeMs ?? Date.now();
    if (Date.now() - modified > OLD_BUILD_MS) await rm(path, { recursive: true, force: true });
  }
}
