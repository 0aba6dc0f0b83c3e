import { readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";

/**
 * The text of every local module reachable from `entries` through relative `.mjs` imports (static or dynamic), each
 * headed by its path relative to `base`, in a stable order. The generator fingerprints whole folders instead
 * (fingerprint.ts); the docs portal still hashes its build script this way.
 * `entries`: absolute paths
 */
export async function moduleGraph(entries: string[], base: string): Promise<string[]> {
  const texts = new Map<string, string>();
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (texts.has(file)) continue;
    const text = await readFile(file, "utf8");
    texts.set(file, text);
    for (const [, specifier] of text.matchAll(/(?:\bfrom|\bimport\s*\(?)\s*["'](\.{1,2}\/[^"']+\.(?:mjs|ts))["']/g)) {
      queue.push(join(dirname(file), specifier ?? ""));
    }
  }
  return [...texts.keys()].sort().map((file) => `${relative(base, file)}\n${texts.get(file)}`);
}
