// The one call the package smoke test makes with each provider's installed tarball, against that provider's Prism
// mock; nothing here names a provider. The call is the spec's first GET by id (else its first GET, else its first
// operation) as the generator's code sample for it makes it: the factory with its required options filled from the
// spec (security schemes, server variables, `x-client-option`), and the operation's arguments from the spec's
// examples. Reading the sample rather than re-deriving it keeps the smoke call and the docs on one answer.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sampleCall } from "@clientele/codegen/sample-call";
import { publishablePackages } from "@clientele/registry/packages";
import { type Provider, readRegistry } from "@clientele/registry/registry";
import { listOperations } from "@clientele/registry/spec-walk";
import type { OpenAPI3, ParameterObject } from "openapi-typescript";
import { parse } from "yaml";

export interface SmokeCase {
  /** the full-client factory (used from ESM) */
  client: string;
  /** the transport factory (used from CJS, with the standalone operation function) */
  transport: string;
  /** the raw (openapi-fetch) client factory, built from CJS: openapi-fetch's CJS interop */
  raw: string;
  /** factory options, without `baseUrl` (the mock's URL is added) */
  options: Record<string, unknown>;
  /** an operationId: a method of the client and a standalone export */
  operation: string;
  /** its HTTP method, lower case */
  method: string;
  /** the operation's arguments (after the transport, for the standalone function) */
  args: unknown[];
}

/** The generated samples of a provider package, relative to the package folder. */
export const SAMPLES_FILE = join("src", "generated", "samples.ts");

/** Every provider of the registry with its published package and smoke case, in registry order. */
export async function readProviderPackages(root: string) {
  const [cases, packages] = await Promise.all([readSmokeCases(root), publishablePackages(root)]);
  return cases.map(({ provider, smoke }) => {
    const pkg = packages.find((p) => p.dir === provider.packageDir);
    if (!pkg)
      throw new Error(`redocly.yaml names ${provider.id}, but ${provider.packageDir} is not a published package`);
    return { provider, pkg, smoke };
  });
}

/** Every provider of the registry with its smoke case, in registry order. */
export async function readSmokeCases(root: string): Promise<{ provider: Provider; smoke: SmokeCase }[]> {
  return Promise.all(
    (await readRegistry(root)).map(async (provider) => {
      const [specText, samples] = await Promise.all([
        readFile(join(root, provider.spec), "utf8"),
        readFile(join(root, provider.packageDir, SAMPLES_FILE), "utf8").catch(() => {
          throw new Error(`${provider.id}: no ${join(provider.packageDir, SAMPLES_FILE)}; run \`pnpm generate\``);
        }),
      ]);
      return { provider, smoke: smokeCase(parse(specText), samples, provider.id) };
    }),
  );
}

/** The smoke case of one provider, from its spec and its package's generated samples.ts. */
export function smokeCase(spec: OpenAPI3, samplesText: string, id: string): SmokeCase {
  const { operation, method } = smokeOperation(spec, id);
  const { factory, options, args } = sampleCall(samplesText, operation);
  const stem = /^create(\w+)Client$/.exec(factory)?.[1];
  if (!stem)
    throw new Error(`${id}: the ${operation} sample builds its client with ${factory}, not create<Name>Client`);
  return {
    client: factory,
    transport: `create${stem}Transport`,
    raw: `create${stem}RawClient`,
    options,
    operation,
    method,
    args,
  };
}

/**
 * The operation a smoke call makes: the first GET whose last path segment holds a parameter the caller passes
 * (`/customers/{id}.json`; not one the client fills from its options), else the first GET, else the first operation.
 */
export function smokeOperation(spec: OpenAPI3, id: string): { operation: string; method: string } {
  const operations = listOperations(spec);
  const byId = operations.find(({ method, path, parameters }) => {
    const last = path.split("/").pop() ?? "";
    const names = [...last.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
    return method === "get" && names.some((name) => callerPasses(parameters, name));
  });
  const chosen = byId ?? operations.find(({ method }) => method === "get") ?? operations[0];
  const operationId = chosen?.operation.operationId;
  if (!chosen || typeof operationId !== "string")
    throw new Error(`${id}: the spec has no operation with an operationId`);
  return { operation: operationId, method: chosen.method };
}

function callerPasses(parameters: ParameterObject[], name: string | undefined): boolean {
  const parameter = parameters.find((p) => p.in === "path" && p.name === name);
  return parameter !== undefined && !("x-client-option" in parameter);
}
