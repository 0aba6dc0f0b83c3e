import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/**
 * The workspace's package folders, relative to `root`, from pnpm-workspace.yaml's `packages:` globs: a folder
 * (`twins`) or a folder's children (`packages/*`), each only where it holds a package.json. Other glob forms are
 * refused rather than read wrongly.
 */
export function workspacePackages(root: string): string[] {
  const config = parse(readFileSync(join(root, "pnpm-workspace.yaml"), "utf8")) as { packages?: unknown } | null;
  const globs = config?.packages;
  if (!Array.isArray(globs)) throw new Error("pnpm-workspace.yaml: no `packages:` list");
  return globs.flatMap((glob: unknown) => {
    if (typeof glob !== "string" || !/^[\w.-]+(\/[\w.-]+)*(\/\*)?$/.test(glob)) {
      throw new Error(`pnpm-workspace.yaml: cannot read the package glob ${JSON.stringify(glob)}`);
    }
    const folders = glob.endsWith("/*")
      ? childFolders(root, glob.slice(0, -2)).map((name) => `${glob.slice(0, -2)}/${name}`)
      : [glob];
    return folders.filter((folder) => existsSync(join(root, folder, "package.json")));
  });
}

function childFolders(root: string, parent: string): string[] {
  if (!existsSync(join(root, parent))) return [];
  return readdirSync(join(root, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The package folder (from `packages`) that holds a path relative to the root, or undefined outside them all. */
export function packageOf(packages: string[], path: string): string | undefined {
  return packages.find((folder) => path === folder || path.startsWith(`${folder}/`));
}
