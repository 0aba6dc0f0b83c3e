// @ts-check
// One dev-server child process (a Prism mock or proxy, a twin), started the same way everywhere: Node with
// `server-guard.cjs` preloaded, in its own process group, with an IPC channel. Ready is the guard's report of the
// bound port (so children listen on port 0 or a given port, never on one picked in advance that another process
// could take); stop kills the whole group, by PID; the child exits by itself when this process goes away.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const GUARD = join(dirname(fileURLToPath(import.meta.url)), "server-guard.cjs");
/** Only a cap against a child that hangs: readiness is its "listening" event, however long a busy machine takes. */
export const START_CAP_MS = 300_000;
const KILL_GRACE_MS = 5_000;
const KEPT_OUTPUT = 16_000;

/**
 * @typedef {{ code: number | null, signal: NodeJS.Signals | null, requested: boolean, output: string }} ChildExit
 *   `requested`: stop() asked for it; otherwise the child died on its own
 * @typedef {object} RunningChild
 * @property {string} url       http://127.0.0.1:<bound port>
 * @property {number} port
 * @property {number} pid
 * @property {Promise<ChildExit>} exited  settles when the child exits, for whatever reason
 * @property {() => Promise<void>} stop
 */

/**
 * @param {{ name: string, args: string[], cwd: string, timeoutMs?: number, onOutput?: (text: string) => void,
 *   onSurvived?: (where: string, error: string) => void }} options
 *   `name` says what it is in messages ("the cubit mock (Prism)"); `args` follow `node --require <guard>`.
 * @returns {Promise<RunningChild>}
 */
export async function startChild({ name, args, cwd, timeoutMs = START_CAP_MS, onOutput, onSurvived }) {
  const child = spawn(process.execPath, ["--require", GUARD, ...args], {
    cwd,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    detached: true,
  });
  const pid = /** @type {number} */ (child.pid);
  let output = "";
  let requested = false;
  const keep = (/** @type {Buffer} */ chunk) => {
    const text = chunk.toString();
    output = (output + text).slice(-KEPT_OUTPUT);
    onOutput?.(text);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  /** @type {Promise<ChildExit>} */
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal, requested, output }));
    child.once("error", (error) => resolve({ code: null, signal: null, requested, output: `${output}${error}` }));
  });

  const stop = async () => {
    requested = true;
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(pid, "SIGTERM");
      const timer = setTimeout(() => killGroup(pid, "SIGKILL"), KILL_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
  };

  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const port = await Promise.race([
    new Promise((resolve) => {
      child.on("message", (/** @type {any} */ message) => {
        if (message?.type === "listening") resolve(message.port);
        else if (message?.type === "survived") onSurvived?.(message.where, message.error);
      });
    }),
    exited.then(({ code, signal }) => {
      throw new Error(`${name} exited (${describeExit(code, signal)}) before it listened:\n${output}`);
    }),
    new Promise((_, reject) => {
      timer = setTimeout(() => {
        const seconds = Math.round(timeoutMs / 1000);
        const waited = `its HTTP server's "listening" event on 127.0.0.1`;
        reject(new Error(`${name} did not start within ${seconds} s (waited for ${waited}); its output:\n${output}`));
      }, timeoutMs);
    }),
  ]).catch(async (error) => {
    clearTimeout(timer);
    await stop();
    throw error;
  });
  clearTimeout(timer);
  return { url: `http://127.0.0.1:${port}`, port: Number(port), pid, exited, stop };
}

/** @param {number | null} code @param {NodeJS.Signals | null} signal */
export function describeExit(code, signal) {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

/** Signals a child's whole process group; a group that is gone already is fine. */
function killGroup(/** @type {number} */ pid, /** @type {NodeJS.Signals} */ signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: nothing left in the group.
  }
}
