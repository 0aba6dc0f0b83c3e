// Keeps a dev-server child running for `pnpm start` and `pnpm mock`: when it exits without being asked, says so
// (with its exit code and last output) and starts it again on the same port, at most `restarts` times in all; past
// that, or when a restart fails that often, it gives up and says why, and the caller stops everything with a
// non-zero exit. Requests a child fails on are reported too (the guard answered them with a 500).
import { describeExit, type RunningChild } from "./child.js";

export const DEFAULT_RESTARTS = 3;

export interface Supervised {
  /** stays the same across restarts */
  url: string;
  /** the current child's */
  pid: () => number;
  stop: () => Promise<void>;
}

export interface SuperviseOptions {
  name: string;
  /** gets the port to bind: the given one, then the one the first child bound (so URLs stay valid) */
  start: (port: number | undefined) => Promise<RunningChild>;
  port?: number | undefined;
  restarts?: number;
  log: (line: string) => void;
  onGiveUp: (reason: string) => void;
}

export async function supervise(options: SuperviseOptions): Promise<Supervised> {
  const { name, start, port, restarts = DEFAULT_RESTARTS, log, onGiveUp } = options;
  let child = await start(port);
  const bound = child.port;
  let left = restarts;
  let stopped = false;

  const watch = async () => {
    for (;;) {
      const { code, signal, requested, output } = await child.exited;
      if (requested || stopped) return;
      const tail = lastLines(output, 8);
      log(`${name} (pid ${child.pid}) exited on its own (${describeExit(code, signal)})${tail ? `:\n${tail}` : ""}`);
      let next: RunningChild | undefined;
      while (!next) {
        if (left === 0) {
          onGiveUp(`${name} exited ${restarts + 1} times; not restarting it again`);
          return;
        }
        left -= 1;
        log(`restarting ${name} on port ${bound} (${restarts - left} of at most ${restarts} restarts)`);
        try {
          next = await start(bound);
        } catch (error) {
          log(`${name} did not restart: ${error instanceof Error ? error.message : error}`);
        }
        if (stopped) return next?.stop();
      }
      child = next;
      log(`${name} is back at ${child.url} (pid ${child.pid})`);
    }
  };
  void watch();

  return {
    url: child.url,
    pid: () => child.pid,
    async stop() {
      stopped = true;
      await child.stop();
    },
  };
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split("\n").slice(-count).join("\n");
}
