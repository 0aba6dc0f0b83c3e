import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem, type } from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memory: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started and when it ended: other work on the machine skews timings. */
  load: { start: number; end: number };
  versions: Record<string, string>;
}

const versionOf = (name: string) => {
  const entry = new URL(import.meta.resolve(name));
  // Walk up from the entry point to the package's own package.json (not every package exports it).
  for (let dir = new URL(".", entry); dir.pathname !== "/"; dir = new URL("..", dir)) {
    try {
      const manifest = JSON.parse(readFileSync(new URL("package.json", dir), "utf8"));
      if (manifest.name === name) return manifest.version as string;
    } catch {}
  }
  return "unknown";
};

export function describeMachine(): Omit<Machine, "load"> & { loadStart: number } {
  const all = cpus();
  return {
    cpu: all[0]?.model.trim() ?? "unknown",
    cores: all.length,
    memory: totalmem(),
    os: `${type()} ${release()}`,
    node: process.version,
    loadStart: loadavg()[0] ?? 0,
    versions: Object.fromEntries(
      ["openapi-fetch", "@hey-api/openapi-ts", "orval", "openapi-typescript", "esbuild", "tinybench"].map((name) => [
        name,
        versionOf(name),
      ]),
    ),
  };
}

export const currentLoad = () => loadavg()[0] ?? 0;
