// @ts-check
// How each kind of runtime runs the scenario: Node, Bun and Deno as a process on the consumer project's entry;
// workerd serving the bundled worker, driven by one HTTP request; Chromium loading the bundled app from the fault
// server's origin. Every process started here is stopped here, by its PID.
import { execFile, spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { launchChromium } from "@clientele/testkit/chromium";

/**
 * @typedef {{ entry: string, results: { name: string, ok: boolean, ms: number, error?: string }[] }} RunOutput
 * @typedef {object} DriverInput
 * @property {import("./runtimes.mjs").Runtime} runtime
 * @property {"esm" | "cjs"} format
 * @property {string} binary
 * @property {{ dir: string, worker: string, app: string }} project
 * @property {import("./servers.mjs").Site} site
 * @property {string} scratch  a folder of this run's own
 */

const execFileAsync = promisify(execFile);

/** A run that has not finished by then has hung: it is stopped and fails. */
const RUN_LIMIT_MS = 90_000;

/** @param {DriverInput} input @returns {Promise<RunOutput>} */
export function runDriver(input) {
  switch (input.runtime.kind) {
    case "workerd":
      return runWorkerd(input);
    case "chromium":
      return runChromium(input);
    default:
      return runProcess(input);
  }
}

/** @param {DriverInput} input */
async function runProcess({ runtime, format, binary, project, site, scratch }) {
  const entry = format === "esm" ? "matrix.mjs" : "matrix.cjs";
  const urls = JSON.stringify(site.urls);
  /** @type {string[]} */
  let args = [entry, urls];
  /** @type {Record<string, string>} */
  let env = {};
  if (runtime.kind === "deno") {
    // The project's package.json and node_modules, as `npm i` left them; no lock file written, no update check.
    args = ["run", "--allow-net=127.0.0.1", "--allow-read", "--allow-env", "--no-lock", entry, urls];
    env = { DENO_DIR: join(scratch, "deno"), DENO_NO_UPDATE_CHECK: "1", DENO_NO_PROMPT: "1" };
  }
  const { code, stdout, stderr } = await spawnBounded(binary, args, { cwd: project.dir, env });
  const line = stdout.trim().split("\n").pop() ?? "";
  if (code !== 0 || !line.startsWith("{")) {
    throw new Error(`exit ${code}: ${(stderr || stdout).trim().split("\n").slice(-8).join("\n")}`);
  }
  return JSON.parse(line);
}

/** @param {DriverInput} input */
async function runWorkerd({ binary, project, site, scratch }) {
  await mkdir(scratch, { recursive: true });
  await writeFile(join(scratch, "worker.mjs"), project.worker);
  // No nodejs_compat flag: the packages must run on workerd's web APIs alone. Outbound calls may reach the
  // loopback interface only (workerd's default network refuses local addresses).
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local"], deny = [])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.mjs", esModule = embed "worker.mjs")],
  compatibilityDate = "2025-01-01",
  globalOutbound = "loopback",
);
`;
  await writeFile(join(scratch, "config.capnp"), config);
  const child = spawn(binary, ["serve", join(scratch, "config.capnp"), "--control-fd=3"], {
    cwd: scratch,
    stdio: ["ignore", "pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  try {
    // workerd reports each socket it listens on as a JSON line on the control fd.
    const port = await new Promise((resolve, reject) => {
      let control = "";
      const fd = /** @type {import("node:stream").Readable} */ (child.stdio[3]);
      fd.on("data", (chunk) => {
        control += chunk;
        for (const line of control.split("\n")) {
          const event = line.startsWith("{") ? JSON.parse(line) : undefined;
          if (event?.event === "listen" && event.socket === "http") resolve(event.port);
        }
      });
      child.once("exit", (code) => reject(new Error(`workerd exited (${code}) before listening: ${stderr.trim()}`)));
    });
    const answer = await fetch(`http://127.0.0.1:${port}/`, {
      method: "POST",
      body: JSON.stringify(site.urls),
      signal: AbortSignal.timeout(RUN_LIMIT_MS),
    });
    const text = await answer.text();
    if (!answer.ok) throw new Error(`the worker answered ${answer.status}: ${text.slice(0, 500)} ${stderr.trim()}`);
    return JSON.parse(text);
  } finally {
    await stopChild(child);
  }
}

/** @param {DriverInput} input */
async function runChromium({ binary, project, site }) {
  site.serve({
    "/": { type: "text/html", body: '<!doctype html><meta charset="utf-8"><script src="/app.js"></script>' },
    "/app.js": { type: "text/javascript", body: project.app },
  });
  const browser = await launchChromium(binary);
  try {
    const page = await browser.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${site.sameOrigin.fault}/`);
    // Cross-origin: the twin on its own port, and the fault server under another host name (no CORS headers).
    const crossOrigin = {
      cyclesoftware: site.urls.cyclesoftware,
      blocked: site.urls.fault.replace("127.0.0.1", "localhost"),
    };
    const run = page.evaluate(
      ([urls, cross]) => /** @type {any} */ (globalThis).runMatrix(urls, cross),
      /** @type {const} */ ([site.sameOrigin, crossOrigin]),
    );
    const output = await withLimit(run, "Chromium");
    if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
    return output;
  } finally {
    await browser.close();
  }
}

/**
 * Runs the command to its end, or stops it (by its PID, SIGKILL) after RUN_LIMIT_MS.
 * @param {string} command @param {string[]} args
 * @param {{ cwd: string, env: Record<string, string> }} options
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
async function spawnBounded(command, args, { cwd, env }) {
  const options = { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 16 * 1024 * 1024 };
  try {
    const { stdout, stderr } = await execFileAsync(command, args, {
      ...options,
      timeout: RUN_LIMIT_MS,
      killSignal: "SIGKILL",
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code = null, killed, stdout = "", stderr = "" } = /** @type {any} */ (error);
    const stopped = killed ? `\n(stopped after ${RUN_LIMIT_MS / 1000} s)` : "";
    // A binary that would not start has no output, only its error (ENOENT, EACCES).
    const said = stderr || (stdout ? "" : String(/** @type {Error} */ (error).message));
    return { code: typeof code === "number" ? code : null, stdout, stderr: `${said}${stopped}` };
  }
}

/** @param {import("node:child_process").ChildProcess} child */
async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(child.pid, "SIGTERM");
  await exited;
}

/**
 * @template T @param {Promise<T>} promise @param {string} what @returns {Promise<T>}
 */
async function withLimit(promise, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish in ${RUN_LIMIT_MS / 1000} s`)), RUN_LIMIT_MS);
  });
  try {
    return /** @type {T} */ (await Promise.race([promise, limit]));
  } finally {
    clearTimeout(timer);
  }
}
