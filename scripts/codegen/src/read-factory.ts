import { dirname, join, resolve } from "node:path";
import type * as TypeScript from "typescript";
import { loadTypescript } from "./tools.ts";

const ts = loadTypescript();

/** What a code sample needs to know of a package's hand-written factory. */
export interface Factory {
  /** e.g. `createCubitClient` */
  name: string;
  /** the options a caller must pass, in declared order */
  required: { name: string; type: FactoryOptionType }[];
}

export type FactoryOptionType =
  | { kind: "literal"; values: (string | number | boolean)[] }
  | { kind: "string" | "number" | "boolean" };

/** Parsed files, reused across packages: every package type-checks against the same core and lib files. */
const parsed = new Map<string, TypeScript.SourceFile>();

/**
 * Reads the `create<Provider>Client` factory that `src/client.ts` of a package exports, with the type checker, so
 * option names and allowed values are exactly what the compiler will hold a sample to.
 * `packageDir`: absolute
 * `overlay`: absolute path → content, read instead of the file on disk (freshly generated files that are not written yet)
 */
export function readFactory(packageDir: string, overlay: Map<string, string>): Factory {
  const clientFile = join(packageDir, "src", "client.ts");
  const config = ts.getParsedCommandLineOfConfigFile(
    join(packageDir, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error(`${packageDir}/tsconfig.json cannot be read`);
  // Only the options type matters: the standard library (lib.dom.d.ts alone is most of the parse time) is not needed.
  const options = { ...config.options, noEmit: true, noLib: true, types: [] };
  const host = ts.createCompilerHost(options);
  const files = new Map([...overlay].map(([path, text]) => [resolve(path), text]));
  const readFile = host.readFile.bind(host);
  host.fileExists = (
    (exists) => (name: string) =>
      files.has(resolve(name)) || exists(name)
  )(host.fileExists.bind(host));
  host.readFile = (name) => files.get(resolve(name)) ?? readFile(name);
  // Module resolution asks whether a folder exists before looking inside: `src/generated/` may not exist yet.
  const folders = new Set([...files.keys()].map((path) => dirname(path)));
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => folders.has(resolve(name)) || (directoryExists ? directoryExists(name) : true);
  host.getSourceFile = (name, languageVersion) => {
    const text = host.readFile(name);
    if (text === undefined) return undefined;
    const key = `${resolve(name)}\0${text}`;
    if (!parsed.has(key)) parsed.set(key, ts.createSourceFile(name, text, languageVersion));
    return parsed.get(key);
  };
  const program = ts.createProgram({ rootNames: [clientFile], options, host });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(clientFile);
  const module = source && checker.getSymbolAtLocation(source);
  if (!source || !module) throw new Error(`${clientFile} is missing or exports nothing`);
  // `create<Provider>RawClient` (the openapi-fetch client) is not the factory the samples call.
  const factories = checker
    .getExportsOfModule(module)
    .filter((s) => /^create\w+Client$/.test(s.name) && !/RawClient$/.test(s.name));
  if (factories.length !== 1) {
    throw new Error(
      `${clientFile} must export exactly one create<Provider>Client factory, found ${factories.map((s) => s.name).join(", ") || "none"}`,
    );
  }
  const factory = factories[0] as TypeScript.Symbol;
  const [signature] = checker.getTypeOfSymbolAtLocation(factory, source).getCallSignatures();
  const parameter = signature?.parameters[0];
  if (!signature || !parameter) throw new Error(`${factory.name} must take its options as first parameter`);
  const optionsType = checker.getTypeOfSymbolAtLocation(parameter, source);
  const required = checker
    .getPropertiesOfType(optionsType)
    .filter((property) => (property.flags & ts.SymbolFlags.Optional) === 0)
    .map((property) => {
      const type = checker.getTypeOfSymbolAtLocation(property, source);
      return { name: property.name, type: describe(type, `${factory.name} option "${property.name}"`, checker) };
    });
  return { name: factory.name, required };
}

function describe(type: TypeScript.Type, what: string, checker: TypeScript.TypeChecker): FactoryOptionType {
  const members = type.isUnion() ? type.types : [type];
  if (members.every((t) => t.isLiteral() || (t.flags & ts.TypeFlags.BooleanLiteral) !== 0)) {
    return {
      kind: "literal",
      values: members.map((t) => (t.isLiteral() ? (t.value as string | number) : checker.typeToString(t) === "true")),
    };
  }
  if (type.flags & ts.TypeFlags.String) return { kind: "string" };
  if (type.flags & ts.TypeFlags.Number) return { kind: "number" };
  if (type.flags & ts.TypeFlags.Boolean) return { kind: "boolean" };
  throw new Error(`${what} has type ${checker.typeToString(type)}, for which no sample value can be written`);
}
