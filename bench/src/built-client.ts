import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

type CycleSoftware = typeof import("@clientele/cyclesoftware");

/**
 * The CycleSoftware package as an app runs it: bundled to plain JavaScript by esbuild, not the TypeScript sources
 * through the tsx loader, which keeps function names by wrapping every closure the transport creates per call.
 */
export function loadBuiltClient(): Promise<CycleSoftware> {
  return loadBuilt<CycleSoftware>('export * from "@clientele/cyclesoftware";');
}

/** A module whose source is `contents` (imports of workspace packages), bundled and loaded like the client above. */
export async function loadBuilt<T>(contents: string): Promise<T> {
  const result = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL(".", import.meta.url)), loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  const dir = mkdtempSync(join(tmpdir(), "clientele-bench-client-"));
  try {
    const file = join(dir, "bundle.mjs");
    writeFileSync(file, result.outputFiles[0]?.text ?? "");
    return (await import(pathToFileURL(file).href)) as T;
  } finally {
    // The module is loaded and stays in memory; the file is no longer needed.
    rmSync(dir, { recursive: true, force: true });
  }
}
