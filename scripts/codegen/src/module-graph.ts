import { readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";

/**
 * The text of every local module reachable from `entries` through relative `.mjs` imports (static or dynamic), each
 * headed by its path relative to `base`, in a stable order: what a fingerprint of a script and its helpers hashes.
 * `entries`: absolute paths
 */
export async function moduleGraph(entries: string[], base: string): Promise<string[]> {
  const texts = new Map();
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (texts.has(file)) continue;
    const text = await readFile(file, "utf8");
    texts.set(file, text);
    for (const [, specifier] of text.matchAll(/(?:\bfrom|\bimport\s*\(?)\s*["'](\.{1,2}\/[^"']+\.mjs)["']/g)) {
      queue.push(join(dirname(file), specifier as string));
    }
  }
  return [...texts.keys()].sort().map((file) => `${relative(base, file)}\n${texts.get(file)}`);
}
