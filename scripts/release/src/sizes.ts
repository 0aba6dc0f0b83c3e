// Size budgets: size-limit's esbuild + file plugins (the small-lib preset's rolldown plugin needs Node 22), driven
// through its API so the checks run on the installed tarballs rather than on the workspace sources.
import esbuildPlugin from "@size-limit/esbuild";
import filePlugin from "@size-limit/file";
import sizeLimit from "size-limit";

// Each plugin module is a list of plugin objects; size-limit's declarations say functions, its code takes these.
const PLUGINS = [esbuildPlugin, filePlugin] as unknown as Parameters<typeof sizeLimit>[0];

/** An entry of a package.json `size-limit` array. */
export interface SizeCheck {
  name: string;
  /** what the measured app imports: "*" or "{ a, b }" */
  import: string;
  /** e.g. "8 kB"; an entry without one is recorded, never enforced */
  limit?: string;
  /** the module to import from, relative to the package (default dist/index.mjs) */
  path?: string;
  /** imports left out of the measure (e.g. a Node-only package's `node:*` modules) */
  ignore?: string[];
}

/**
 * Minified + gzipped bytes of an app that imports `check.import` from `entry`, its dependencies bundled in and
 * everything else tree-shaken away.
 * @param entry absolute path of the module to import from
 */
export async function measure(entry: string, check: SizeCheck): Promise<number> {
  if (typeof check.import !== "string") throw new Error(`size-limit entry "${check.name}": set "import"`);
  const [result] = (await sizeLimit(PLUGINS, {
    checks: [
      {
        name: check.name,
        files: [entry],
        import: { [entry]: check.import },
        gzip: true,
        ...(check.ignore && { ignore: check.ignore }),
      },
    ],
  })) as { size?: number }[];
  if (result?.size === undefined) throw new Error(`size-limit measured nothing for "${check.name}"`);
  return result.size;
}

/** "8 kB" → 8000, as size-limit reads limits (SI kilobytes). */
export function parseLimit(limit: string): number {
  const match = /^\s*([\d.]+)\s*(B|kB|KB|KiB)?\s*$/.exec(limit);
  if (!match) throw new Error(`size limit "${limit}" is not a size like "8 kB"`);
  const unit = match[2] ?? "B";
  return Number(match[1]) * (unit === "B" ? 1 : unit === "KiB" ? 1024 : 1000);
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
