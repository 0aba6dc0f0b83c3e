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
export async function loadBuiltClient(): Promise<CycleSoftware> {
  const result = await build({
    entryPoints: [fileURLToPath(import.meta.resolve("@clientele/cyclesoftware"))],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  const dir = mkdtempSync(join(tmpdir(), "clientele-bench-client-"));
  try {
    const file = join(dir, "cyclesoftware.mjs");
    writeFileSync(file, result.outputFiles[0]?.text ?? "");
    return (await import(pathToFileURL(file).href)) as CycleSoftware;
  } finally {
    // The module is loaded and stays in memory; the file is no longer needed.
    rmSync(dir, { recursive: true, force: true });
  }
}
