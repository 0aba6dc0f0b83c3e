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
 * Starts `prism mock` for one spec on 127.0.0.1 and resolves once it listens.
 * @param {{ spec: string, port?: number, args?: string[], timeoutMs?: number }} options
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startPrism({ spec, port, args = ["mock"], timeoutMs = 30_000 }) {
  const chosen = port ?? /** @type {number} */ (await freePort());
  const child = spawn(PRISM, [...args, "-h", "127.0.0.1", "-p", String(chosen), join(root, spec)], {
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
    child.on("exit", (code) => fail(new Error(`prism for ${spec} exited with ${code}:\n${output}`)));
  });
  child.stdout.removeAllListeners("data");
  child.stderr.removeAllListeners("data");
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
