import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { describe, expect, test } from "vitest";

// A provider is described once, in its spec: its package's src/ holds the generated code and the two entry files
// that re-export it (index.ts, validate.ts), nothing written by hand about the provider's API.
describe.each((await readRegistry(repoRoot)).map((p) => [p.id, p.packageDir]))("%s's src/", (_, dir) => {
  test("holds only the entry files and the generated folder", async () => {
    expect((await readdir(join(repoRoot, dir, "src"))).sort()).toEqual(["generated", "index.ts", "validate.ts"]);
  });
});
