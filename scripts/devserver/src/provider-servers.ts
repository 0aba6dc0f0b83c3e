// A provider's Prism mock and its twin as `pnpm start` runs them: supervised children, restarted on their port when
// they exit on their own, with every request a child failed on reported.
import { join } from "node:path";
import { firstLine } from "@clientele/registry/cli";
import type { Provider } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { type RunningChild, startChild } from "./child.js";
import { startPrism } from "./prism.js";
import { type Supervised, supervise } from "./supervise.js";

/** The twin command, run under tsx like every tool here (the twins package is the workspace's source). */
const TWIN = join(import.meta.dirname, "twin.ts");

export interface ServerOptions {
  /** 0 for any free port */
  port: number;
  restarts: number;
  log: (line: string) => void;
  onGiveUp: (reason: string) => void;
}

export function startMock(provider: Provider, options: ServerOptions): Promise<Supervised> {
  const name = `the ${provider.id} mock (Prism)`;
  return keep(name, options, (port) =>
    startPrism({ spec: provider.spec, ...(port !== undefined && { port }), onSurvived: reportTo(name, options) }),
  );
}

export function startTwin(provider: Provider, options: ServerOptions): Promise<Supervised> {
  const name = `the ${provider.id} twin`;
  return keep(name, options, (port) =>
    startChild({
      name,
      args: ["--import", "tsx", TWIN, provider.id, ...(port ? ["--port", String(port)] : [])],
      cwd: repoRoot,
      onSurvived: reportTo(name, options),
    }),
  );
}

function keep(name: string, options: ServerOptions, start: (port: number | undefined) => Promise<RunningChild>) {
  const { port, restarts, log, onGiveUp } = options;
  return supervise({ name, port: port || undefined, restarts, start, log, onGiveUp });
}

const reportTo =
  (name: string, { log }: ServerOptions) =>
  (where: string, error: string) =>
    log(`${name} failed on ${where}, answered 500: ${firstLine(error)}`);
