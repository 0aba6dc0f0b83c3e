import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The checkout's root folder (where `redocly.yaml` and `pnpm-workspace.yaml` are), whatever the working directory:
 * the nearest folder above this module holding the registry, `redocly.yaml`, so it holds from the sources and from
 * a bundle of them (`pnpm generate` runs one from scripts/codegen/dist).
 */
export const repoRoot: string = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "redocly.yaml"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no redocly.yaml above ${from}`);
  }
}
