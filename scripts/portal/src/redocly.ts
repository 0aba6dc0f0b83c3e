// The installed Redocly CLI, run offline (no telemetry, no update check), and the page checks that keep its output
// offline too.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { repoRoot } from "@clientele/registry/root";
import type { OpenAPI3 } from "openapi-typescript";
import { parse } from "yaml";

const REDOCLY = join(repoRoot, "node_modules", ".bin", "redocly");

/** Redoc's attribution logo comes from a CDN; the same attribution as an inline text image makes no request. */
const REMOTE_LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const OFFLINE_LOGO =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='56' height='16'%3E%3Ctext x='0' y='12' " +
  "font-family='system-ui,sans-serif' font-size='12' fill='%23555'%3ERedocly%3C/text%3E%3C/svg%3E";

/** Anything in a built page that would load from the network (the browser test checks the rendered page too). */
const REMOTE_LOADS = [
  /cdn\.redoc\.ly/,
  /fonts\.googleapis\.com/,
  /<script[^>]*\ssrc=["']?(?:https?:)?\/\//i,
  /<link[^>]*\shref=["']?(?:https?:)?\/\//i,
];

/** A parsed bundle: the OpenAPI view of it, and a plain record for the tools that read any key. */
export type BundledSpec = OpenAPI3 & Record<string, unknown>;

/**
 * A spec as the portal publishes it: `redocly bundle` output, written to `file` and returned parsed.
 * @param spec the spec's path relative to `root`
 */
export async function bundleSpec(root: string, spec: string, file: string): Promise<BundledSpec> {
  await redocly(root, ["bundle", spec, "--output", file]);
  return parse(await readFile(file, "utf8"));
}

/** The built page with its one remote asset replaced; throws if anything else would still load from the network. */
export function offline(html: string, page: string): string {
  const patched = html.replace(REMOTE_LOGO, OFFLINE_LOGO);
  // build-docs 2.77 has no --disableTelemetry flag: it turns the page's telemetry off when REDOCLY_TELEMETRY=off.
  if (!patched.includes('"disableTelemetry":true')) throw new Error(`${page}: Redoc telemetry is not disabled`);
  const remote = REMOTE_LOADS.find((pattern) => pattern.test(patched));
  if (remote) throw new Error(`${page} would load from the network (${remote})`);
  return patched;
}

/** Runs the installed Redocly CLI in `root`, offline; resolves with its output. */
export function redocly(root: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(REDOCLY, args, {
      cwd: root,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`redocly ${args[0]} ${args[1]} failed with exit code ${code}:\n${output}`));
    });
  });
}
