import { startPrism } from "@clientele/devserver/prism";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { startFront } from "./mock-front.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock of each provider, by provider id (a front that waits for the mock, see below). */
    mockUrls: Record<string, string>;
  }
}

/**
 * One Prism mock per provider in the registry, on 127.0.0.1; stopped after the run, pass or fail. Prism takes
 * seconds to start, so the tests do not wait for it: each mock gets a front that listens at once and holds requests
 * until its mock is up; the files that use the mocks wait for that in mocks-ready.ts.
 */
export default async function setup(project: TestProject) {
  const providers = await readRegistry(repoRoot);
  const mocks = providers.map((p) => startPrism({ spec: p.spec, silent: true }));
  const fronts = await Promise.all(
    providers.map((p, i) => startFront(`the ${p.id} mock`, mocks[i] as Promise<{ url: string }>)),
  );
  project.provide("mockUrls", Object.fromEntries(providers.map((p, i) => [p.id, fronts[i]?.url ?? ""])));
  return async () => {
    await Promise.all(fronts.map((front) => front.close()));
    const started = await Promise.allSettled(mocks);
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
  };
}
