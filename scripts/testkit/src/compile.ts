// tsc's own error text for code a user would write, so a test can assert what the compiler tells them (the
// `.check.ts` files only prove that a line fails, not what the message says).
import { dirname, join, resolve } from "node:path";
import ts from "typescript";

export interface CompileError {
  /** 1-based line of `code`. */
  line: number;
  /** The whole message chain, one line per level, as tsc prints it. */
  text: string;
}

/**
 * Type-checks `code` as if it were the file `file` (which need not exist) under the package's own tsconfig.json,
 * and returns that file's errors.
 */
export function compileErrors(file: string, code: string): CompileError[] {
  const path = resolve(file);
  const configPath = ts.findConfigFile(dirname(path), ts.sys.fileExists);
  if (!configPath) throw new Error(`no tsconfig.json above ${file}`);
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error(`${configPath} cannot be read`);
  const options = { ...config.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile } = host;
  host.fileExists = (name) => resolve(name) === path || fileExists.call(host, name);
  host.readFile = (name) => (resolve(name) === path ? code : readFile.call(host, name));
  const program = ts.createProgram({ rootNames: [path], options, host });
  const source = program.getSourceFile(path);
  if (!source) throw new Error(`${file} was not compiled`);
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => ({
    line: d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line + 1,
    text: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  }));
}

/** Where a compiled snippet sits: beside a package's tests, so its imports resolve as theirs do. */
export const besideTests = (packageDir: string) => join(packageDir, "test", "__snippet__.ts");
