import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** A command of ours run as a user runs it, with everything it prints collected. */
export function runScript(args: string[], cwd: string) {
  // Our commands are TypeScript workspace packages, run under tsx as `pnpm <command>` runs them.
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  const run = {
    child,
    output: "",
    exited: new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code))),
    /** Resolves with the first match of `pattern` in the output from `from` on; rejects when the command exits first. */
    waitFor(pattern: RegExp, from = 0): Promise<RegExpMatchArray> {
      return until(() => {
        const match = run.output.slice(from).match(pattern);
        if (match) return match;
        if (child.exitCode !== null)
          throw new Error(`exited (${child.exitCode}) before printing ${pattern}:\n${run.output}`);
        return undefined;
      });
    },
  };
  child.stdout?.on("data", (chunk) => (run.output += chunk));
  child.stderr?.on("data", (chunk) => (run.output += chunk));
  return run;
}

/** Polls `check` every 100 ms until it returns a value; the test's own timeout bounds the wait. */
export function until<T>(check: () => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const poll = () => {
      try {
        const value = check();
        if (value !== undefined) return resolve(value);
      } catch (error) {
        return reject(error);
      }
      setTimeout(poll, 100);
    };
    poll();
  });
}

/** Whether a process with this PID exists (a zombie not yet reaped counts as gone). */
export function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** The PIDs of a process's children, from /proc (Linux). */
export function childrenOf(parent: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        // Fields after the command name (in parentheses, which may hold spaces): state, ppid, ...
        const ppid = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
        // tsx (which runs our TypeScript commands) transforms through esbuild's service process, which comes and
        // goes with the modules a command imports lazily: it is no server of ours.
        const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        return Number(ppid) === parent && name !== "esbuild";
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Waits until none of `pids` is alive. */
export function allGone(pids: number[]): Promise<true> {
  return until(() => (pids.some(alive) ? undefined : true));
}

export type Script = ReturnType<typeof runScript>;
export type { ChildProcess };
