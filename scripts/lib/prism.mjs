// @ts-check
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PRISM = join(root, "node_modules", ".bin", "prism");

/** A free TCP port on 127.0.0.1, found by binding port 0. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts Prism for one spec on 127.0.0.1 (`prism mock` unless `args` says otherwise) and resolves once it listens.
 * `upstream` goes after the spec, where `prism proxy` expects it: `{ args: ["proxy", "--errors"], upstream }`.
 * `onOutput` receives Prism's log after start-up (by default it is drained unread).
 * `silent` turns Prism's log off. Tests want that: the Prism CLI feeds every log line, request data included, through
 * jsonrepair, which mangles some valid lines (a body string like `"k[|d?7&2"` is enough) and then crashes the mock.
 * With no "listening" line to wait for, a silent Prism is ready at its first HTTP answer.
 * @param {{ spec: string, port?: number, args?: string[], upstream?: string, timeoutMs?: number,
 *   onOutput?: (text: string) => void, silent?: boolean }} options
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startPrism({ spec, port, args = ["mock"], upstream, timeoutMs = 30_000, onOutput, silent }) {
  const chosen = port ?? /** @type {number} */ (await freePort());
  const positionals = upstream === undefined ? [join(root, spec)] : [join(root, spec), upstream];
  const verbosity = silent ? ["-v", "silent"] : [];
  const child = spawn(PRISM, [...args, ...verbosity, "-h", "127.0.0.1", "-p", String(chosen), ...positionals], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = `http://127.0.0.1:${chosen}`;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`prism for ${spec} did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const fail = (/** @type {Error} */ error) => {
      clearTimeout(timer);
      child.kill("SIGTERM");
      reject(error);
    };
    const onData = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      if (output.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve(undefined);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    if (silent) {
      const poll = () =>
        answers(url).then((ready) => {
          if (ready) {
            clearTimeout(timer);
            resolve(undefined);
          } else if (child.exitCode === null) setTimeout(poll, 100);
        });
      poll();
    }
    child.on("exit", (code) => fail(new Error(`prism for ${spec} exited with ${code}:\n${output}`)));
  });
  child.stdout.removeAllListeners("data");
  child.stderr.removeAllListeners("data");
  if (onOutput) {
    child.stdout.on("data", (/** @type {Buffer} */ chunk) => onOutput(chunk.toString()));
    child.stderr.on("data", (/** @type {Buffer} */ chunk) => onOutput(chunk.toString()));
  }
  // Keep draining so a chatty mock never blocks on a full pipe.
  child.stdout.resume();
  child.stderr.resume();
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
      child.removeAllListeners("exit");
      child.once("exit", () => resolve(undefined));
      child.kill("SIGTERM");
    }).then(() => undefined);
  return { url, stop };
}

/** True once anything answers HTTP at `url`. */
async function answers(/** @type {string} */ url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}
