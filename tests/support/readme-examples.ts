import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";

/**
 * A README's ```ts blocks as one module that the compiler can check, as a reader would run them in order: the
 * imports of every block merged at the top, the first block (which builds the client) at the top level, and every
 * later block in a function of its own, so each may declare its own names while still using the first block's
 * client. Names a README uses without defining (`apiKey`, `token`) are declared by its own `readme-context`
 * comment: `<!-- readme-context: declare const apiKey: string; -->`.
 */
export function readmeModule(readme: string): { source: string; blocks: number } {
  const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
  const context = [...readme.matchAll(/<!-- readme-context: (declare [\s\S]*?) -->/g)].map((m) => m[1] ?? "");
  const named = new Map<string, Set<string>>();
  const bodies = blocks.map((block) =>
    block.replace(/^import \{([^}]*)\} from "([^"]+)";\n/gm, (_, names: string, from: string) => {
      const set = named.get(from) ?? new Set<string>();
      for (const name of names.split(",").map((n) => n.trim())) if (name) set.add(name);
      named.set(from, set);
      return "";
    }),
  );
  const imports = [...named].map(([from, names]) => `import { ${[...names].join(", ")} } from "${from}";`);
  const [first = "", ...rest] = bodies;
  const source = [
    ...imports,
    ...context,
    first,
    ...rest.map((body, index) => `export async function example${index + 2}() {\n${body}}`),
    "export {};",
  ].join("\n");
  return { source, blocks: blocks.length };
}

/**
 * Type-checks `source` as if it were a file in `packageDir` (so the package resolves by its own name), with the
 * repository's compiler options; returns the diagnostics as `line: message`.
 */
export function typecheckInPackage(root: string, packageDir: string, source: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error("tsconfig.json cannot be read");
  const file = resolve(packageDir, "readme-examples.ts");
  const options = { ...config.options, noEmit: true, noUnusedLocals: false };
  const host = ts.createCompilerHost(options);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.fileExists = (name) => resolve(name) === file || fileExists(name);
  host.readFile = (name) => (resolve(name) === file ? source : readFile(name));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...more) =>
    resolve(name) === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...more);
  const program = ts.createProgram({ rootNames: [file], options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || resolve(d.file.fileName) === file)
    .map((d) => {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      return `${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
}

export const readText = (path: string) => readFileSync(path, "utf8");
export const here = dirname;
