import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** Each `.ts` file under `root` with the files its relative imports and re-exports name (type-only ones included). */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const file = join(entry.parentPath, entry.name);
    const source = readFileSync(file, "utf8");
    const targets = [...source.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"(\.{1,2}\/[^"]+)"/gms)].map((match) =>
      relative(root, resolve(dirname(file), (match[1] as string).replace(/\.js$/, ".ts"))),
    );
    graph.set(relative(root, file), targets);
  }
  return graph;
}

/** Every cycle a depth-first walk meets, each as `a.ts → b.ts → a.ts`; empty when the graph has none. */
export function importCycles(graph: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string) => {
    path.push(file);
    for (const target of graph.get(file) ?? []) {
      const start = path.indexOf(target);
      if (start >= 0) cycles.push([...path.slice(start), target].join(" → "));
      else if (!done.has(target)) visit(target);
    }
    path.pop();
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) if (!done.has(file)) visit(file);
  return cycles;
}
