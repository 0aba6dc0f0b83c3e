import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sharedPortal } from "@clientele/portal/testing/portal";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { allGone, childrenOf, until } from "@clientele/testkit/processes";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// `pnpm start` as a user runs it, on free ports (`0`) so it never collides with a running `pnpm start`, serving the
// tests' shared portal build (fresh, so start must not rebuild it): the table it prints, the portal and mocks it
// serves, a child that dies being reported and restarted, and Ctrl-C (SIGINT) stopping everything it started, by PID.

const root = repoRoot;
const providers = await readRegistry(root);

describe("pnpm start", () => {
  let out: string;
  let child: ChildProcess;
  let output = "";
  let exited: Promise<number | null>;

  beforeAll(async () => {
    out = (await sharedPortal()).dir;
    child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        join(root, "scripts", "devserver", "src", "start.ts"),
        "--port",
        "0",
        "--mock-port",
        "0",
        "--twin-port",
        "0",
        "--out",
        out,
      ],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes("Point a client at a mock")) done(resolve);
        else if (child.exitCode !== null) done(() => reject(new Error(`start exited early:\n${output}`)));
      }, 100);
      const done = (finish: () => void) => {
        clearInterval(timer);
        finish();
      };
    });
  }, 180_000);

  afterAll(async () => {
    // After a failure, the same Ctrl-C a user would press, so the mocks it started stop too; SIGKILL as a last resort.
    if (!child || child.exitCode !== null) return;
    child.kill("SIGINT");
    const timeout = new Promise((resolve) => setTimeout(resolve, 15_000, "timeout"));
    if ((await Promise.race([exited, timeout])) === "timeout") child.kill("SIGKILL");
  });

  /** The table row of a provider: its docs URL, its mock URL and its twin URL. */
  const row = (id: string) => {
    const url = "(http://127\\.0\\.0\\.1:\\d+)";
    const match = output.match(new RegExp(`^\\s+${id}\\s+${url}(/\\S+)\\s+${url}\\s+${url}\\s*$`, "m"));
    if (!match) throw new Error(`no table row for ${id} in:\n${output}`);
    return { docs: `${match[1]}${match[2]}`, mock: match[3] as string, twin: match[4] as string };
  };
  const portalUrl = () => output.match(/^\s+portal index\s+(http:\/\/127\.0\.0\.1:\d+)\/\s*$/m)?.[1] ?? "";

  test("finds the portal build fresh and prints where the portal and every mock run", () => {
    expect(output).toContain("is up to date");
    expect(portalUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const { id } of providers) expect(row(id).docs).toBe(`${portalUrl()}/${id}.html`);
  });

  test("serves the portal, whose index names every running mock", async () => {
    const index = await (await fetch(`${portalUrl()}/`)).text();
    for (const { id } of providers) {
      expect(index).toContain(`<code>${row(id).mock}</code> (Prism, running)`);
      expect((await fetch(row(id).docs)).status).toBe(200);
    }
  });

  test("runs a Prism mock of every provider", async () => {
    for (const { id } of providers) {
      // Prism answers every request, a route it does not know with 404 and a problem document.
      const response = await fetch(`${row(id).mock}/no-such-route`);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  test("runs a stateful twin of every provider, seeded with the vendor documents' examples", async () => {
    for (const { id } of providers) expect(row(id).twin).not.toBe(row(id).mock);
    // Cube4sales names no auth, so its twin can be asked directly: the document's assignment 9 record is there.
    const records = await (await fetch(`${row("cube4sales").twin}/crm/customers?assignment_id=9`)).json();
    expect(records).toEqual([expect.objectContaining({ customer_id: 2488539, assignment_id: 9, Hoved: "Ja" })]);
    // The twin keeps what is created: a new record is listed afterwards (a Prism mock would forget it).
    const created = await fetch(`${row("cube4sales").twin}/crm/customers`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ customer_id: 77, assignment_id: 9, name: "Start test" }),
    });
    expect(created.status).toBe(200);
    const after = await (await fetch(`${row("cube4sales").twin}/crm/customers?assignment_id=9`)).json();
    expect(after.map((r: { customer_id: number }) => r.customer_id).sort((a: number, b: number) => a - b)).toEqual([
      77, 2488539,
    ]);
  });

  test("the index says which URL is the mock and which the twin", async () => {
    const index = await (await fetch(`${portalUrl()}/`)).text();
    for (const { id } of providers) expect(index).toContain(`<code>${row(id).twin}</code> (stateful twin, running)`);
  });

  test("a twin that dies is reported and restarted on its URL", async () => {
    const twinPid = childrenOf(child.pid as number).find((pid) =>
      readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("twin.ts\0cube4sales"),
    );
    expect(twinPid).toBeDefined();
    const from = output.length;
    process.kill(twinPid as number, "SIGKILL");
    await until(() => output.slice(from).match(/the cube4sales twin is back at (\S+)/)?.[1]).then((url) =>
      expect(url).toBe(row("cube4sales").twin),
    );
    expect(output.slice(from)).toContain(`the cube4sales twin (pid ${twinPid}) exited on its own (killed by SIGKILL)`);
    const records = await (await fetch(`${row("cube4sales").twin}/crm/customers?assignment_id=9`)).json();
    expect(records).toEqual([expect.objectContaining({ customer_id: 2488539 })]);
  }, 120_000);

  test("Ctrl-C stops everything it started, leaving no process behind", async () => {
    const urls = [portalUrl(), ...providers.flatMap(({ id }) => [row(id).mock, row(id).twin])];
    const children = childrenOf(child.pid as number);
    // A mock and a twin per provider.
    expect(children).toHaveLength(providers.length * 2);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(output).toContain("stopped.");
    for (const url of urls) await expect(fetch(url), url).rejects.toThrow();
    await allGone(children);
  }, 30_000);
});
