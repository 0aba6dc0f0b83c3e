// A generated file imports only what its body uses: the candidates are offered, the body decides.

/** `names`: what `from` may give (`type X` for a type-only import); keeps those the body mentions. */
export function importLine(body: string, from: string, names: readonly string[]): string {
  const used = names.filter((name) => new RegExp(`\\b${name.replace(/^type /, "")}\\b`).test(body));
  if (used.length === 0) return "";
  const bare = (name: string) => name.replace(/^type /, "");
  const sorted = [...used].sort((a, b) => bare(a).localeCompare(bare(b)));
  if (sorted.every((name) => name.startsWith("type "))) {
    return `import type { ${sorted.map(bare).join(", ")} } from "${from}";\n`;
  }
  return `import { ${sorted.join(", ")} } from "${from}";\n`;
}
