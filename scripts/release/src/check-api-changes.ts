// The breaking-change gate: each provider's spec at HEAD against the spec at its package's last release (see
// release-base.ts), classified by api-smart-diff (api-changes.ts). Fails when the pending changesets give
// the package a lower bump than the changes need: breaking → major, new operation or field → minor.
//
//   node --import tsx scripts/release/src/check-api-changes.ts                      every provider
//   node --import tsx scripts/release/src/check-api-changes.ts --before a.yaml --after b.yaml [--bump patch|…]
//                                                                       two spec files, e.g. the fixtures
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { repoRoot } from "@clientele/registry/root";
import type { OpenAPI3 } from "openapi-typescript";
import { parse } from "yaml";
import { classifyApiChanges } from "./api-changes.ts";
import { BUMPS, type Bump, bumpRank, isBump, pendingBump, releaseContext } from "./changesets.ts";
import { fileAt, releaseBase } from "./release-base.ts";

const root = repoRoot;

export interface GateInput {
  label: string;
  before: OpenAPI3;
  after: OpenAPI3;
  pending: { bump: Bump | undefined; files: string[] };
}

/** One spec's verdict, as printable lines. */
export function gate({ label, before, after, pending }: GateInput): {
  ok: boolean;
  required: Bump | undefined;
  lines: string[];
} {
  const { changes, required } = classifyApiChanges(before, after);
  if (changes.length === 0) return { ok: true, required, lines: [`${label}: no API change`] };
  const lines = [`${label}:`];
  const width = Math.max(...changes.map((c) => c.type.length));
  for (const change of changes) lines.push(`  ${change.type.padEnd(width)}  ${change.where}: ${change.description}`);
  const ok = bumpRank(pending.bump) >= bumpRank(required);
  const given = pending.bump ? `${pending.bump} (${pending.files.join(", ")})` : "none";
  lines.push(
    `  needs a ${required} release; pending changeset bump: ${given} → ${ok ? "✔ ok" : `✘ too low: run \`pnpm changeset\` and choose ${required}`}`,
  );
  return { ok, required, lines };
}

/**
 * Every provider of the registry against its last release.
 * @param base the repository
 */
export async function gateRepository(base: string): Promise<{ ok: boolean; lines: string[] }> {
  const { packages, providers, changesets } = await releaseContext(base);
  const lines = [];
  let ok = true;
  for (const provider of providers) {
    const pkg = packages.find((p) => p.dir === provider.packageDir);
    if (!pkg) {
      throw new Error(`redocly.yaml names ${provider.id}, but ${provider.packageDir} is not a published package`);
    }
    const since = releaseBase(base, pkg);
    const label = `${pkg.name}: ${provider.spec} against ${since.how}`;
    if (!since.ref) {
      lines.push(`${pkg.name}: ${since.how}`);
      continue;
    }
    const beforeText = fileAt(base, since.ref, provider.spec);
    const afterText = fileAt(base, "HEAD", provider.spec);
    if (beforeText === undefined || afterText === undefined) {
      lines.push(`${label}: ${beforeText === undefined ? "a new spec" : "the spec is gone"}; nothing to compare`);
      continue;
    }
    const verdict = gate({
      label,
      before: parse(beforeText),
      after: parse(afterText),
      pending: pendingBump(changesets, pkg.name),
    });
    ok &&= verdict.ok;
    lines.push(...verdict.lines);
  }
  return { ok, lines };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i === -1 ? undefined : args[i + 1];
  };
  try {
    const beforeFile = option("--before");
    const afterFile = option("--after");
    let result: { ok: boolean; lines: string[] };
    if (beforeFile || afterFile) {
      if (!beforeFile || !afterFile) throw new Error("--before and --after go together");
      const bump = option("--bump");
      if (bump !== undefined && !isBump(bump)) {
        throw new Error(`--bump: ${bump} is not one of ${BUMPS.join(", ")}`);
      }
      const [before, after] = await Promise.all(
        [beforeFile, afterFile].map(async (f): Promise<OpenAPI3> => parse(await readFile(f, "utf8"))),
      );
      if (!before || !after) throw new Error("--before and --after must both be spec files");
      const pending = { bump, files: bump ? ["--bump"] : [] };
      result = gate({ label: `${afterFile} against ${beforeFile}`, before, after, pending });
    } else {
      result = await gateRepository(root);
    }
    console.log(result.lines.join("\n"));
    if (!result.ok) process.exit(1);
  } catch (error) {
    console.error(`check-api-changes: ${error instanceof Error ? error.message : error}`);
    process.exit(2);
  }
}
