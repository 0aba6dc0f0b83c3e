import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/lib/prism.mjs";
import { readRegistry } from "../../scripts/lib/registry.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock of each provider, by provider id. */
    mockUrls: Record<string, string>;
  }
}

/** One Prism mock per provider in the registry, on free 127.0.0.1 ports; stopped after the run, pass or fail. */
export default async function setup(project: TestProject) {
  const providers = await readRegistry(process.cwd());
  const started = await Promise.allSettled(providers.map((p) => startPrism({ spec: p.spec, silent: true })));
  const mocks = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const stopAll = () => Promise.all(mocks.map((m) => m.stop()));
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  project.provide("mockUrls", Object.fromEntries(providers.map((p, i) => [p.id, mocks[i]?.url ?? ""])));
  return stopAll;
}
