// Fails when a published package changed since its last release and no pending changeset names it.
import { fileURLToPath } from "node:url";
import { repoRoot } from "@clientele/registry/root";
import { pendingBump, releaseContext } from "./changesets.ts";
import { changedFiles, releaseBase } from "./release-base.ts";

const root = repoRoot;

// Besides each package's own folder and spec: what shapes every package's build.
const SHARED_INPUTS = ["scripts/release/src/tsdown-config.ts"];

/** @param base the repository */
export async function checkChangesets(base: string): Promise<{ ok: boolean; lines: string[] }> {
  const { packages, providers, changesets } = await releaseContext(base);
  const lines = [];
  let ok = true;
  for (const pkg of packages) {
    const since = releaseBase(base, pkg);
    if (!since.ref) {
      lines.push(`${pkg.name}: ${since.how}`);
      continue;
    }
    const spec = providers.find((p) => p.packageDir === pkg.dir)?.spec;
    const changed = changedFiles(base, since.ref, [
      pkg.dir,
      `:(exclude)${pkg.dir}/test`,
      `:(exclude)${pkg.dir}/CHANGELOG.md`,
      ...(spec ? [spec] : []),
      ...SHARED_INPUTS,
    ]);
    const pending = pendingBump(changesets, pkg.name);
    if (changed.length === 0) {
      lines.push(`${pkg.name}: unchanged since ${since.how}`);
    } else if (pending.bump) {
      lines.push(`${pkg.name}: ${changed.length} file(s) changed since ${since.how}; ✔ ${pending.files.join(", ")}`);
    } else {
      ok = false;
      const shown = changed.slice(0, 5).join(", ") + (changed.length > 5 ? `, … (${changed.length} in all)` : "");
      lines.push(
        `${pkg.name}: ✘ changed since ${since.how} (${shown}) and no pending changeset names it: run \`pnpm changeset\``,
      );
    }
  }
  return { ok, lines };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { ok, lines } = await checkChangesets(root);
    console.log(lines.join("\n"));
    if (!ok) process.exit(1);
  } catch (error) {
    console.error(`check-changesets: ${error instanceof Error ? error.message : error}`);
    process.exit(2);
  }
}
