#!/usr/bin/env node
import { fileURLToPath } from "node:url";
import { repoRoot } from "@clientele/registry/root";
import { pendingBump, releaseContext } from "./changesets.mjs";
import { changedFiles, releaseBase } from "./release-base.mjs";

const root = repoRoot;

/**
 * @param {string} base the repository
 * @returns {Promise<{ ok: boolean, lines: string[] }>}
 */
export async function checkChangesets(base) {
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
      "scripts/release/src/tsdown-config.ts",
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
