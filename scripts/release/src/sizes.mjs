// @ts-check
// Size budgets: size-limit's esbuild + file plugins (the small-lib preset's rolldown plugin needs Node 22), driven
// through its API so the checks run on the installed tarballs rather than on the workspace sources.
import esbuildPlugin from "@size-limit/esbuild";
import filePlugin from "@size-limit/file";
import sizeLimit from "size-limit";

// Each plugin module is a list of plugin objects; size-limit's declarations say functions, its code takes these.
const PLUGINS = /** @type {Parameters<typeof sizeLimit>[0]} */ (/** @type {unknown} */ ([esbuildPlugin, filePlugin]));

/**
 * @typedef {object} SizeCheck an entry of a package.json `size-limit` array
 * @property {string} name
 * @property {string} import  what the measured app imports: "*" or "{ a, b }"
 * @property {string} [limit] e.g. "8 kB"; an entry without one is recorded, never enforced
 * @property {string} [path]  the module to import from, relative to the package (default dist/index.mjs)
 * @property {string[]} [ignore]  imports left out of the measure (e.g. a Node-only package's `node:*` modules)
 */

/**
 * Minified + gzipped bytes of an app that imports `check.import` from `entry`, its dependencies bundled in and
 * everything else tree-shaken away.
 * @param {string} entry absolute path of the module to import from
 * @param {SizeCheck} check
 * @returns {Promise<number>}
 */
export async function measure(entry, check) {
  if (typeof check.import !== "string") throw new Error(`size-limit entry "${check.name}": set "import"`);
  const [result] = /** @type {{ size?: number }[]} */ (
    await sizeLimit(PLUGINS, {
      checks: [
        {
          name: check.name,
          files: [entry],
          import: { [entry]: check.import },
          gzip: true,
          ...(check.ignore && { ignore: check.ignore }),
        },
      ],
    })
  );
  if (result?.size === undefined) throw new Error(`size-limit measured nothing for "${check.name}"`);
  return result.size;
}

/** "8 kB" → 8000, as size-limit reads limits (SI kilobytes). @param {string} limit */
export function parseLimit(limit) {
  const match = /^\s*([\d.]+)\s*(B|kB|KB|KiB)?\s*$/.exec(limit);
  if (!match) throw new Error(`size limit "${limit}" is not a size like "8 kB"`);
  const unit = match[2] ?? "B";
  return Number(match[1]) * (unit === "B" ? 1 : unit === "KiB" ? 1024 : 1000);
}

/** @param {number} bytes */
export const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
