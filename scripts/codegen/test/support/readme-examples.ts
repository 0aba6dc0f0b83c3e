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
 * Type-checks each source as if it were a file `readme-examples.ts` in its package folder (so the package resolves
 * by its own name), all in ONE program with the repository's compiler options: the standard library and the shared
 * packages are parsed and checked once rather than once per README. Each source is a module, so their names never
 * meet. Returns the diagnostics of each source (in the order given) as `line: message`, those that belong to no
 * file (a broken option) included, as before.
 */
export function typecheckInPackages(root: string, sources: { packageDir: string; source: string }[]): string[][] {
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
  const virtual = new Map(sources.map(({ packageDir, source }) => [resolve(packageDir, "readme-examples.ts"), source]));
  if (virtual.size !== sources.length) throw new Error("typecheckInPackages: two sources in one package folder");
  const options = { ...config.options, noEmit: true, noUnusedLocals: false };
  const host = ts.createCompilerHost(options);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.fileExists = (name) => virtual.has(resolve(name)) || fileExists(name);
  host.readFile = (name) => virtual.get(resolve(name)) ?? readFile(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...more) => {
    const source = virtual.get(resolve(name));
    return source === undefined ? getSourceFile(name, version, ...more) : ts.createSourceFile(name, source, version);
  };
  const files = [...virtual.keys()];
  const program = ts.createProgram({ rootNames: files, options, host });
  const format = (d: ts.Diagnostic) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  };
  return files.map((file) => {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) return [`0: ${file} is not part of the program`];
    return ts
      .getPreEmitDiagnostics(program, sourceFile)
      .filter((d) => d.file === undefined || resolve(d.file.fileName) === file)
      .map(format);
  });
}

export const readText = (path: string) => readFileSync(path, "utf8");
export const here = dirname;
