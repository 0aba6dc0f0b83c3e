import { createServer } from "node:net";
import { join } from "node:path";
import { repoRoot } from "@clientele/registry/root";
import { alive } from "@clientele/testkit/processes";
import { afterEach, describe, expect, test } from "vitest";
import { type RunningChild, startChild } from "../src/child.js";

// The guard every dev-server child runs with (scripts/devserver/src/server-guard.cjs, started by scripts/devserver/src/child.ts).

const root = repoRoot;
const fixture = join(import.meta.dirname, "fixtures", "throwing-server.mjs");
const running: RunningChild[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((child) => child.stop()));
});

describe("a guarded child", () => {
  test("answers each request its server fails on with a 500, reports it, and keeps serving", async () => {
    const survived: string[] = [];
    const child = await startChild({
      name: "the throwing server",
      args: [fixture],
      cwd: root,
      onSurvived: (where, error) => survived.push(`${where}: ${error.split("\n")[0]}`),
    });
    running.push(child);
    expect(child.url).toBe(`http://127.0.0.1:${child.port}`);
    for (const [path, detail] of [
      ["/reject", "rejected on purpose"],
      ["/throw", "thrown on purpose"],
    ]) {
      const response = await fetch(`${child.url}${path}`);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        type: "about:blank",
        title: "The server failed on this request",
        status: 500,
        detail,
      });
    }
    expect(await (await fetch(`${child.url}/ok`)).text()).toBe("ok");
    expect(survived).toEqual([
      "GET /reject: TypeError: rejected on purpose",
      "GET /throw: RangeError: thrown on purpose",
    ]);
    expect(alive(child.pid)).toBe(true);
  });

  test("that cannot listen (its port is taken) rejects, saying it exited before it listened", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as { port: number };
    try {
      await expect(
        startChild({ name: "the throwing server", args: [fixture, String(port)], cwd: root }),
      ).rejects.toThrow(/^the throwing server exited \(exit code 1\) before it listened:\n.*EADDRINUSE/s);
    } finally {
      taken.close();
    }
  });

  test("that never listens is stopped at the cap, with a message saying what was waited for", async () => {
    await expect(
      startChild({ name: "the silent server", args: [fixture, "--never-listen"], cwd: root, timeoutMs: 1_000 }),
    ).rejects.toThrow(`the silent server did not start within 1 s (waited for its HTTP server's "listening" event`);
  });
});
