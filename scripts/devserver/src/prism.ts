import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { repoRoot } from "@clientele/registry/root";
import { type RunningChild, startChild } from "./child.js";

const root = repoRoot;
const require = createRequire(import.meta.url);
const PRISM = join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist", "index.js");

export interface PrismOptions {
  /** the spec's path, relative to the repository root */
  spec: string;
  port?: number;
  args?: string[];
  upstream?: string;
  timeoutMs?: number;
  onOutput?: (text: string) => void;
  onSurvived?: (where: string, error: string) => void;
  silent?: boolean;
}

/**
 * Starts Prism for one spec on 127.0.0.1 (`prism mock` unless `args` says otherwise) and resolves once it listens.
 * Without `port` Prism binds port 0 and reports the port it got, so two starts can never race for one port.
 * `upstream` goes after the spec, where `prism proxy` expects it: `{ args: ["proxy", "--errors"], upstream }`.
 * `onOutput` receives Prism's log (by default it is drained unread). `onSurvived` hears of each request Prism
 * failed on: the guard (server-guard.cjs) answers it with a 500 and Prism keeps serving.
 * `silent` turns Prism's log off, which tests want for speed and quiet: the Prism CLI feeds every log line, request
 * data included, through jsonrepair, which mangles some valid lines (a body string like `"k[|d?7&2"` is enough) and
 * then throws; with the guard that costs the request a 500, without it the mock.
 */
export function startPrism(options: PrismOptions): Promise<RunningChild> {
  const { spec, port, args = ["mock"], upstream, timeoutMs, onOutput, onSurvived, silent } = options;
  const positionals = upstream === undefined ? [join(root, spec)] : [join(root, spec), upstream];
  const verbosity = silent ? ["-v", "silent"] : [];
  return startChild({
    name: `prism ${args[0]} for ${spec}`,
    args: [PRISM, ...args, ...verbosity, "-h", "127.0.0.1", "-p", String(port ?? 0), ...positionals],
    cwd: root,
    ...(timeoutMs !== undefined && { timeoutMs }),
    ...(onOutput && { onOutput }),
    ...(onSurvived && { onSurvived }),
  });
}
