import { spawn } from "node:child_process";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { freePort } from "../../scripts/lib/prism.mjs";

const root = join(import.meta.dirname, "..", "..");

/**
 * A Prism mock of one spec with logging off (`-v silent`), on a free 127.0.0.1 port. The fuzzer needs its own: the
 * Prism CLI feeds every log line, request data included, through jsonrepair, which mangles some valid lines (a
 * string like `"k[|d?7&2"` in a body is enough), and the CLI then crashes. Generated inputs would sooner or later
 * take down a shared mock and fail unrelated test files; a silent mock writes no log lines, so it cannot crash
 * that way. With no "listening" line to wait for, readiness is the first HTTP answer.
 */
export async function startSilentMock(
  spec: string,
  timeoutMs = 60_000,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = (await freePort()) as number;
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    join(root, "node_modules", ".bin", "prism"),
    ["mock", "-v", "silent", "-h", "127.0.0.1", "-p", String(port), join(root, spec)],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prism for ${spec} exited with ${child.exitCode}:\n${errors}`);
    const answered = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      async (response) => {
        await response.body?.cancel();
        return true;
      },
      () => false,
    );
    if (answered) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prism for ${spec} did not answer within ${timeoutMs} ms:\n${errors}`);
    }
    await delay(100);
  }
}
