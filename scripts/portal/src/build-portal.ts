// `pnpm run docs`: the offline docs portal, one Redoc page per provider in the registry plus the index, built in a
// temporary folder first, so a failed build leaves the previous portal in place.
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { readRegistry } from "@clientele/registry/registry";
import { buildProvider } from "./build-provider.js";
import { MANIFEST, portalInputs } from "./portal-inputs.js";
import { count, type PortalManifest, renderIndex } from "./render-index.js";

export { MANIFEST, portalInputs, readManifest } from "./portal-inputs.js";
export { bundleSpec } from "./redocly.js";

/**
 * One Redoc page per provider, its bundled spec (YAML and JSON, with the code samples), rendered diagrams and an
 * index, into `out`.
 */
export async function buildPortal(options: { root: string; out: string; log?: (line: string) => void }) {
  const { root, out, log = () => {} } = options;
  const existing = await readdir(out).catch(() => undefined);
  if (existing && existing.length > 0 && !existing.includes(MANIFEST)) {
    throw new Error(`${out} is not empty and holds no portal build (${MANIFEST}); choose an empty or new folder`);
  }
  const providers = await readRegistry(root);
  const work = await mkdtemp(join(tmpdir(), "clientele-docs-build-"));
  try {
    const site = join(work, "site");
    await mkdir(site);
    const built = await Promise.all(providers.map((provider) => buildProvider(root, provider, work, site)));
    for (const p of built) {
      log(`docs: ${p.page} (${(p.pageBytes / 1024).toFixed(0)} KiB, ${count(p.operations.length, "operation")})`);
    }
    const manifest: PortalManifest = { inputs: await portalInputs(root, providers), providers: built };
    await writeFile(join(site, "index.html"), renderIndex(manifest));
    await rm(out, { recursive: true, force: true });
    await mkdir(dirname(out), { recursive: true });
    await cp(site, out, { recursive: true });
    // Written last: a manifest in `out` means the build there is complete.
    await writeFile(join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    log(`docs: portal written to ${relative(root, out) || "."}/index.html`);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
