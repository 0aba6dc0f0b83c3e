// How each kind of runtime runs the scenario: Node, Bun and Deno as a process on the consumer project's entry;
// workerd serving the bundled worker, driven by one HTTP request; Chromium loading the bundled app from the fault
// server's origin. Every process started here is stopped here, by its PID.
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { launchChromium } from "@clientele/testkit/chromium";
import type { SmokeCase } from "../smoke-cases.ts";
import { RUN_LIMIT_MS, spawnBounded, stopChild, withLimit } from "./bounded.ts";
import type { ConsumerProject } from "./project.ts";
import type { MatrixCell } from "./report.ts";
import type { ModuleFormat, Runtime } from "./runtimes.ts";
import type { Site, SiteUrls } from "./servers.ts";

/** What a run of the scenario prints: the files the provider packages resolved to, and each scenario's result. */
export interface RunOutput {
  entries: string[];
  results: MatrixCell[];
}

/** The smoke call of a provider, as the fault scenarios make it (see scenario.mjs). */
export type ScenarioSmoke = SmokeCase & { id: string };

export interface DriverInput {
  runtime: Runtime;
  format: ModuleFormat;
  binary: string;
  project: ConsumerProject;
  site: Site;
  /** a folder of this run's own */
  scratch: string;
  /** the registry's smoke calls, which the fault scenarios make */
  smoke: ScenarioSmoke[];
}

export function runDriver(input: DriverInput): Promise<RunOutput> {
  switch (input.runtime.kind) {
    case "workerd":
      return runWorkerd(input);
    case "chromium":
      return runChromium(input);
    default:
      return runProcess(input);
  }
}

async function runProcess({ runtime, format, binary, project, site, scratch, smoke }: DriverInput): Promise<RunOutput> {
  const entry = format === "esm" ? "matrix.mjs" : "matrix.cjs";
  const urls = JSON.stringify({ ...site.urls, smoke });
  let args = [entry, urls];
  let env: Record<string, string> = {};
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

async function runWorkerd({ binary, project, site, scratch, smoke }: DriverInput): Promise<RunOutput> {
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
    const port = await new Promise<number>((resolve, reject) => {
      let control = "";
      const fd = child.stdio[3] as Readable;
      fd.on("data", (chunk) => {
        control += chunk;
        for (const line of control.split("\n")) {
          const event: { event?: string; socket?: string; port?: number } | undefined = line.startsWith("{")
            ? JSON.parse(line)
            : undefined;
          if (event?.event === "listen" && event.socket === "http" && event.port) resolve(event.port);
        }
      });
      child.once("exit", (code) => reject(new Error(`workerd exited (${code}) before listening: ${stderr.trim()}`)));
    });
    const answer = await fetch(`http://127.0.0.1:${port}/`, {
      method: "POST",
      body: JSON.stringify({ ...site.urls, smoke }),
      signal: AbortSignal.timeout(RUN_LIMIT_MS),
    });
    const text = await answer.text();
    if (!answer.ok) throw new Error(`the worker answered ${answer.status}: ${text.slice(0, 500)} ${stderr.trim()}`);
    return JSON.parse(text);
  } finally {
    await stopChild(child);
  }
}

/** The bundled app's entry point, which the page defines (see project.ts). */
type RunMatrix = (
  setup: SiteUrls & { smoke: ScenarioSmoke[] },
  crossOrigin: { twins: Record<string, string>; blocked: string },
) => Promise<RunOutput>;

async function runChromium({ binary, project, site, smoke }: DriverInput): Promise<RunOutput> {
  site.serve({
    "/": { type: "text/html", body: '<!doctype html><meta charset="utf-8"><script src="/app.js"></script>' },
    "/app.js": { type: "text/javascript", body: project.app },
  });
  const browser = await launchChromium(binary);
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${site.sameOrigin.fault}/`);
    // Cross-origin: the twins on their own ports, and the fault server under another host name (no CORS headers).
    const crossOrigin = { twins: site.urls.twins, blocked: site.urls.fault.replace("127.0.0.1", "localhost") };
    const run = page.evaluate(
      ([setup, cross]) => (globalThis as unknown as { runMatrix: RunMatrix }).runMatrix(setup, cross),
      [{ ...site.sameOrigin, smoke }, crossOrigin] as const,
    );
    const output = await withLimit(run, "Chromium");
    if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
    return output;
  } finally {
    await browser.close();
  }
}
