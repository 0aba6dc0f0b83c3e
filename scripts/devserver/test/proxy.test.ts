import { join } from "node:path";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { runScript } from "@clientele/testkit/processes";
import { loadSpec } from "@clientele/testkit/spec";
import { describe, expect, test } from "vitest";

// `pnpm proxy` as a user runs it, for the mistakes it must explain before starting anything.

const root = repoRoot;
const providers = await readRegistry(root);
const proxy = (...args: string[]) => runScript([join(root, "scripts", "devserver", "src", "proxy.ts"), ...args], root);

describe("pnpm proxy", () => {
  test("without an upstream: names the provider's spec servers as examples and exits 2", async () => {
    const [provider] = providers;
    if (!provider) throw new Error("redocly.yaml lists no provider");
    const run = proxy(provider.id);
    expect(await run.exited).toBe(2);
    const servers = (loadSpec(provider.id).servers ?? []).map((server: { url: string }) => server.url);
    expect(servers.length).toBeGreaterThan(0);
    expect(run.output).toContain(
      `proxy: name the upstream URL, e.g. one of ${provider.spec}'s servers: ${servers.join(", ")}`,
    );
    expect(run.output).toContain("usage: pnpm proxy <provider> <upstream-url>");
  });

  test("an unknown provider is named, with the known ones", async () => {
    const run = proxy("no-such-api");
    expect(await run.exited).toBe(2);
    expect(run.output).toContain(`unknown provider "no-such-api"; known: ${providers.map((p) => p.id).join(", ")}`);
  });
});
