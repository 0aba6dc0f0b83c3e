// publint and attw on a packed tarball, as the package check runs them.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

/** What this check uses of attw's engine (@arethetypeswrong/core, a dependency of the CLI, not of ours). */
interface AttwCore {
  createPackageFromTarballData(data: Uint8Array): unknown;
  checkPackage(
    pkg: unknown,
    options: { excludeEntrypoints: RegExp[] },
  ): Promise<{ types: false } | { types: object; problems: AttwProblem[] }>;
}
interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
}
/** attw's engine, loaded once */
let attwCore: Promise<AttwCore> | undefined;

/**
 * publint (strict: suggestions fail too) and attw on the tarball itself. attw runs in-process on the tarball
 * rather than as `attw --pack`: that packs with npm, which ignores pnpm's publishConfig and `workspace:`
 * rewriting, and so would check a package nobody publishes.
 */
export async function lintTarball(tarball: string): Promise<string[]> {
  const problems: string[] = [];
  const bytes = await readFile(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    level: "suggestion",
    strict: true,
  });
  for (const message of messages)
    problems.push(`publint ${message.type}: ${formatMessage(message, pkg) ?? message.code}`);
  const attw = await arethetypeswrong();
  // The specs a provider ships (`./openapi.yaml`, `./openapi.json`) are data for tools, not modules with types.
  const analysis = await attw.checkPackage(attw.createPackageFromTarballData(new Uint8Array(bytes)), {
    excludeEntrypoints: [/\.(json|yaml)$/],
  });
  if (!analysis.types) problems.push("attw: the package ships no types");
  // The CLI's default `strict` profile: every problem counts, node10 resolution included.
  for (const problem of analysis.types === false ? [] : analysis.problems) {
    const where = [problem.entrypoint, problem.resolutionKind].filter((part) => part !== undefined);
    problems.push(`attw ${problem.kind}${where.length > 0 ? ` (${where.join(", ")})` : ""}; see \`attw ${tarball}\``);
  }
  return problems;
}

/** The engine of the installed @arethetypeswrong/cli, loaded once. */
function arethetypeswrong() {
  const fromCli = createRequire(createRequire(import.meta.url).resolve("@arethetypeswrong/cli/package.json"));
  attwCore ??= import(fromCli.resolve("@arethetypeswrong/core")) as Promise<AttwCore>;
  return attwCore;
}
