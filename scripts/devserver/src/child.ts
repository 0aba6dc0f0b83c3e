// One dev-server child process (a Prism mock or proxy, a twin), started the same way everywhere: Node with
// `server-guard.cjs` preloaded, in its own process group, with an IPC channel. Ready is the guard's report of the
// bound port (so children listen on port 0 or a given port, never on one picked in advance that another process
// could take); stop kills the whole group, by PID; the child exits by itself when this process goes away.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// CommonJS on purpose: a TypeScript guard would need tsx loaded into every Prism child, which slows each start.
const GUARD = join(dirname(fileURLToPath(import.meta.url)), "server-guard.cjs");
/** Only a cap against a child that hangs: readiness is its "listening" event, however long a busy machine takes. */
export const START_CAP_MS = 300_000;
const KILL_GRACE_MS = 5_000;
const KEPT_OUTPUT = 16_000;

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** stop() asked for it; otherwise the child died on its own */
  requested: boolean;
  output: string;
}

export interface RunningChild {
  /** http://127.0.0.1:<bound port> */
  url: string;
  port: number;
  pid: number;
  /** settles when the child exits, for whatever reason */
  exited: Promise<ChildExit>;
  stop: () => Promise<void>;
}

export interface ChildOptions {
  /** what it is, in messages: "the <provider> mock (Prism)" */
  name: string;
  /** what follows `node --require <guard>` */
  args: string[];
  cwd: string;
  timeoutMs?: number;
  onOutput?: (text: string) => void;
  onSurvived?: (where: string, error: string) => void;
}

/** What the guard sends over the IPC channel. */
type GuardMessage = { type: "listening"; port: number } | { type: "survived"; where: string; error: string };

export async function startChild(options: ChildOptions): Promise<RunningChild> {
  const { name, args, cwd, timeoutMs = START_CAP_MS, onOutput, onSurvived } = options;
  const child = spawn(process.execPath, ["--require", GUARD, ...args], {
    cwd,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    detached: true,
  });
  const pid = child.pid as number;
  let output = "";
  let requested = false;
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-KEPT_OUTPUT);
    onOutput?.(text);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<ChildExit>((resolve) => {
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

  let timer: NodeJS.Timeout | undefined;
  const port = await Promise.race([
    new Promise<number>((resolve) => {
      child.on("message", (message: GuardMessage) => {
        if (message?.type === "listening") resolve(message.port);
        else if (message?.type === "survived") onSurvived?.(message.where, message.error);
      });
    }),
    exited.then(({ code, signal }): never => {
      throw new Error(`${name} exited (${describeExit(code, signal)}) before it listened:\n${output}`);
    }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const seconds = Math.round(timeoutMs / 1000);
        const waited = `its HTTP server's "listening" event on 127.0.0.1`;
        reject(new Error(`${name} did not start within ${seconds} s (waited for ${waited}); its output:\n${output}`));
      }, timeoutMs);
    }),
  ]).catch(async (error: unknown) => {
    clearTimeout(timer);
    await stop();
    throw error;
  });
  clearTimeout(timer);
  return { url: `http://127.0.0.1:${port}`, port: Number(port), pid, exited, stop };
}

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

/** Signals a child's whole process group; a group that is gone already is fine. */
function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: nothing left in the group.
  }
}
