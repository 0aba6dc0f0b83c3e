import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { PaginationResult } from "./pagination-run.js";

export type { PaginationResult };

/** Auto-pagination in a fresh process with --expose-gc, so heap samples are taken after full collections. */
export async function measurePagination(baseUrl: string, sizes: number[]): Promise<PaginationResult[]> {
  const script = fileURLToPath(new URL("./pagination-run.ts", import.meta.url));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--expose-gc", "--import", "tsx", script, baseUrl, ...sizes.map(String)],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split("\n").pop() ?? "[]");
}
