// Generated files are formatted by Biome, with the repository's own formatter settings, before they are stamped: the
// stamp covers the formatted body, so `biome check` finds nothing to change and never edits a stamped file.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "@clientele/registry/root";

const run = promisify(execFile);

/** Biome's native binary (what its `bin/biome` launcher would start, minus a Node process), or that launcher. */
function biomeCommand(): [string, string[]] {
  const require = createRequire(join(repoRoot, "package.json"));
  const launcher = require.resolve("@biomejs/biome/bin/biome");
  const fromBiome = createRequire(launcher);
  const suffix = process.platform === "win32" ? ".exe" : "";
  for (const name of [`cli-${process.platform}-${process.arch}`, `cli-${process.platform}-${process.arch}-musl`]) {
    try {
      return [fromBiome.resolve(`@biomejs/${name}/biome${suffix}`), []];
    } catch {}
  }
  return [process.execPath, [launcher]];
}

/**
 * The root biome.json's formatter settings, without its file filters (the temp folder is not the repository): part
 * of the generator's fingerprint, since they shape every generated file.
 */
export async function formatterConfig(root = repoRoot): Promise<string> {
  const { formatter, javascript } = JSON.parse(await readFile(join(root, "biome.json"), "utf8"));
  return JSON.stringify({ formatter, javascript, assist: { enabled: false }, linter: { enabled: false } });
}

/** Formats TypeScript sources (name → text) in one Biome run; a source Biome cannot parse fails generation. */
export async function formatTypeScript(files: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), "clientele-format-"));
  try {
    await writeFile(join(dir, "biome.json"), await formatterConfig());
    await Promise.all([...files].map(([name, text]) => writeFile(join(dir, name), text)));
    const [command, args] = biomeCommand();
    await run(command, [...args, "format", "--write", "--config-path", dir, dir], { cwd: dir }).catch(
      (error: { stderr?: string; stdout?: string }) => {
        throw new Error(`biome could not format the generated files:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
      },
    );
    return new Map(
      await Promise.all(
        [...files.keys()].map(async (name) => [name, await readFile(join(dir, name), "utf8")] as const),
      ),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
