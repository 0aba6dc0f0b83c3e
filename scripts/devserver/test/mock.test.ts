import { join } from "node:path";
import { repoRoot } from "@clientele/registry/root";
import { alive, allGone, runScript, type Script } from "@clientele/testkit/processes";
import { afterEach, describe, expect, test } from "vitest";
import { START_CAP_MS } from "../src/child.js";

// `pnpm mock` with real processes: it survives requests that crash a bare Prism, reports and restarts a Prism that
// dies anyway, gives up with a non-zero exit, and never leaves a Prism behind.

const root = repoRoot;
const START = START_CAP_MS + 30_000;
const started: Script[] = [];

async function startMock(...args: string[]) {
  const mock = runScript([join(root, "scripts", "devserver", "src", "mock.ts"), "cubit", ...args], root);
  started.push(mock);
  const [, pid, url] = await mock.waitFor(/pid (\d+)\) listening at (http:\/\/127\.0\.0\.1:\d+)/);
  return { mock, pid: Number(pid), url: url as string };
}
const getCustomer = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/customer/C-1`, { headers: { "api-key": "test-api-key", ...headers } });

afterEach(async () => {
  for (const { child, exited } of started.splice(0)) {
    if (child.exitCode === null) child.kill("SIGKILL");
    await exited;
  }
});

describe("pnpm mock", () => {
  test(
    "survives a request that crashes a bare Prism, restarts a Prism that exits, then gives up with exit 1",
    async () => {
      const { mock, pid, url } = await startMock("--restarts", "1");
      // `Accept: x` makes Prism's negotiator throw where nothing catches it: a bare Prism exits.
      const crashing = await getCustomer(url, { accept: "x" });
      expect(crashing.status).toBe(500);
      expect(await crashing.json()).toMatchObject({ status: 500, detail: "invalid media type" });
      await mock.waitFor(/failed on GET \/api\/customer\/C-1, answered 500: TypeError: invalid media type/);
      expect((await getCustomer(url)).status).toBe(200);
      expect(alive(pid)).toBe(true);

      process.kill(pid, "SIGKILL");
      const [, again, next] = await mock.waitFor(/is back at (\S+) \(pid (\d+)\)/);
      expect(mock.output).toContain(`the cubit mock (Prism) (pid ${pid}) exited on its own (killed by SIGKILL)`);
      expect(again).toBe(url);
      expect(Number(next)).not.toBe(pid);
      expect((await getCustomer(url)).status).toBe(200);

      process.kill(Number(next), "SIGKILL");
      expect(await mock.exited).toBe(1);
      expect(mock.output).toContain("exited 2 times; not restarting it again; stopping.");
      await allGone([pid, Number(next)]);
    },
    START * 2,
  );

  test(
    "SIGTERM stops its Prism and exits 0",
    async () => {
      const { mock, pid } = await startMock();
      mock.child.kill("SIGTERM");
      expect(await mock.exited).toBe(0);
      expect(alive(pid)).toBe(false);
    },
    START,
  );

  test(
    "when it is killed outright, its Prism exits too (no orphan)",
    async () => {
      const { mock, pid } = await startMock();
      mock.child.kill("SIGKILL");
      await mock.exited;
      await allGone([pid]);
    },
    START,
  );
});
