// A runtime run of the consumer matrix is bounded: a process, a call or a page that hangs is stopped (by its PID)
// and fails, rather than holding the matrix up.
import { type ChildProcess, execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** A run that has not finished by then has hung: it is stopped and fails. */
export const RUN_LIMIT_MS = 90_000;

/** Runs the command to its end, or stops it (by its PID, SIGKILL) after RUN_LIMIT_MS. */
export async function spawnBounded(
  command: string,
  args: string[],
  { cwd, env }: { cwd: string; env: Record<string, string> },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const options = { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 16 * 1024 * 1024 };
  try {
    const { stdout, stderr } = await execFileAsync(command, args, {
      ...options,
      timeout: RUN_LIMIT_MS,
      killSignal: "SIGKILL",
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as Error & { code?: unknown; killed?: boolean; stdout?: string; stderr?: string };
    const { code = null, killed, stdout = "", stderr = "" } = failure;
    const stopped = killed ? `\n(stopped after ${RUN_LIMIT_MS / 1000} s)` : "";
    // A binary that would not start has no output, only its error (ENOENT, EACCES).
    const said = stderr || (stdout ? "" : String(failure.message));
    return { code: typeof code === "number" ? code : null, stdout, stderr: `${said}${stopped}` };
  }
}

export async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(child.pid, "SIGTERM");
  await exited;
}

export async function withLimit<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish in ${RUN_LIMIT_MS / 1000} s`)), RUN_LIMIT_MS);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}
