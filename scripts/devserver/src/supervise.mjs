// @ts-check
// Keeps a dev-server child running for `pnpm start` and `pnpm mock`: when it exits without being asked, says so
// (with its exit code and last output) and starts it again on the same port, at most `restarts` times in all; past
// that, or when a restart fails that often, it gives up and says why, and the caller stops everything with a
// non-zero exit. Requests a child fails on are reported too (the guard answered them with a 500).
import { describeExit } from "./child.mjs";

export const DEFAULT_RESTARTS = 3;

/**
 * @typedef {object} Supervised
 * @property {string} url     stays the same across restarts
 * @property {() => number} pid  the current child's
 * @property {() => Promise<void>} stop
 */

/**
 * @param {{ name: string, start: (port: number | undefined) => Promise<import("./child.mjs").RunningChild>,
 *   port?: number, restarts?: number, log: (line: string) => void, onGiveUp: (reason: string) => void }} options
 *   `start` gets the port to bind: the given one, then the one the first child bound (so URLs stay valid).
 * @returns {Promise<Supervised>}
 */
export async function supervise({ name, start, port, restarts = DEFAULT_RESTARTS, log, onGiveUp }) {
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
      let next;
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

/** @param {string} text @param {number} count */
function lastLines(text, count) {
  return text.trimEnd().split("\n").slice(-count).join("\n");
}
