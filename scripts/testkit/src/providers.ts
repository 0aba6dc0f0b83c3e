// Every provider of the registry as the tests meet it: its package imported by name, its factories and validators
// found among the package's exports, and options that construct a client as the docs' samples do. Nothing here
// names a provider: a new registry entry is tested the moment its package is generated.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ApiPromise, RequestOptions, Validators } from "@clientele/core/runtime";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { sampleOptions } from "./sample-options.js";

type Method = (...args: unknown[]) => ApiPromise<unknown>;
type Factory<T> = (options: Record<string, unknown>) => T;

export interface ProviderKit {
  id: string;
  /** The package's name (`@clientele/<id>`), as its package.json says. */
  packageName: string;
  /** Everything the package's main entry exports. */
  exports: Record<string, unknown>;
  /** The name of `create<Provider>Client`, as its errors quote it. */
  factoryName: string;
  createClient: Factory<Record<string, Method>>;
  createTransport: Factory<unknown>;
  /** The generated validators, from the package's `/validate` entry. */
  validators: Validators;
  /** The options the generated samples pass, placeholders filled: they construct a client. */
  options: Record<string, unknown>;
  /** The values filled in for the samples' placeholders: the credentials, which no message may show. */
  secrets: string[];
}

/** The one export whose name matches, or an error naming what the package exports instead. */
function exported<T>(module: Record<string, unknown>, where: string, pattern: RegExp): [string, T] {
  const found = Object.entries(module).filter(([name]) => pattern.test(name));
  if (found.length !== 1) {
    const names = found.map(([name]) => name).join(", ") || "none";
    throw new Error(`${where} must export exactly one ${pattern}; found ${names}`);
  }
  return found[0] as [string, T];
}

export async function providerKit(id: string, packageDir: string): Promise<ProviderKit> {
  const packageName: string = JSON.parse(readFileSync(join(repoRoot, packageDir, "package.json"), "utf8")).name;
  const main: Record<string, unknown> = await import(packageName);
  const validate: Record<string, unknown> = await import(`${packageName}/validate`);
  const [factoryName, createClient] = exported<Factory<Record<string, Method>>>(
    main,
    packageName,
    /^create\w+(?<!Raw)Client$/,
  );
  const [, createTransport] = exported<Factory<unknown>>(main, packageName, /^create\w+Transport$/);
  const [, validators] = exported<Validators>(validate, `${packageName}/validate`, /Validators$/);
  const samples = readFileSync(join(repoRoot, packageDir, "src", "generated", "samples.ts"), "utf8");
  const { options, secrets } = sampleOptions(samples, factoryName);
  return { id, packageName, exports: main, factoryName, createClient, createTransport, validators, options, secrets };
}

/** Every provider of the registry, in registry order. */
export const providers: ProviderKit[] = await Promise.all(
  (await readRegistry(repoRoot)).map((p) => providerKit(p.id, p.packageDir)),
);

/** The kit of one registry provider; an unknown id is a mistake in the test. */
export function provider(id: string): ProviderKit {
  const found = providers.find((p) => p.id === id);
  if (!found) throw new Error(`no provider "${id}" in the registry; known: ${providers.map((p) => p.id).join(", ")}`);
  return found;
}

export type { Method, RequestOptions };
