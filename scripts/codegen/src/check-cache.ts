// What lets `node scripts/bootstrap.mjs generate --check` answer without starting TypeScript: after a check passes
// (or a generate writes), the content digest of every file it read and the listing of every folder it looked in.
// The bootstrap recomputes them with Node built-ins; any difference, or no record, runs the real check. A file that
// changes while a check runs is recorded as it was before, so the next check runs in full: never a false "fresh".
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import type { Provider } from "@clientele/registry/registry";
import { GENERATOR_SOURCES, GENERATOR_TOOLS } from "./fingerprint.ts";

export interface CheckRecord {
  /** path relative to the root → sha256 of its content (or "" where it does not exist) */
  files: Record<string, string>;
  /** folder relative to the root → its entries, sorted (or [] where it does not exist) */
  folders: Record<string, string[]>;
}

/** Where the record of `root` lives: node_modules' cache, one file per checkout (a copy may share node_modules). */
export const checkRecordFile = (root: string): string =>
  join(root, "node_modules", ".cache", "clientele", `generate-check-${sha256(resolve(root)).slice(0, 12)}.json`);

const sha256 = (content: string | Buffer) => createHash("sha256").update(content).digest("hex");

const listing = async (dir: string) => (await readdir(dir).catch((): string[] => [])).sort();

/** Every file and folder a check reads, with what they hold now. */
export async function snapshotInputs(root: string, providers: Provider[]): Promise<CheckRecord> {
  const require = createRequire(join(root, "scripts", "codegen", "package.json"));
  const folders = [
    ...providers.map((p) => join(p.packageDir, "src", "generated")),
    ...(await Promise.all(GENERATOR_SOURCES.map((dir) => subfolders(root, dir)))).flat(),
  ];
  const listings = await Promise.all(folders.map((folder) => listing(join(root, folder))));
  const files = [
    "redocly.yaml",
    "biome.json",
    ...GENERATOR_TOOLS.map((name) => relative(root, require.resolve(`${name}/package.json`))),
    ...providers.flatMap((p) => [p.spec, ...["package.json", "README.md", "api.md"].map((f) => join(p.packageDir, f))]),
    ...folders.flatMap((folder, i) => (listings[i] ?? []).map((name) => join(folder, name))),
  ];
  const digests = await Promise.all(
    files.map(async (file) => sha256(await readFile(join(root, file)).catch(() => "")) as string),
  );
  return {
    files: Object.fromEntries(files.map((file, i) => [file, digests[i] ?? ""])),
    folders: Object.fromEntries(folders.map((folder, i) => [folder, listings[i] ?? []])),
  };
}

/** `dir` and every folder under it, relative to the root. */
async function subfolders(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  const nested = entries.filter((e) => e.isDirectory()).map((e) => relative(root, join(e.parentPath, e.name)));
  return [dir, ...nested.sort()];
}

export async function writeCheckRecord(root: string, record: CheckRecord): Promise<void> {
  const file = checkRecordFile(root);
  await mkdir(join(file, ".."), { recursive: true });
  await writeFile(file, `${JSON.stringify(record)}\n`);
}
