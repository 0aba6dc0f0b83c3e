// The client factory a spec describes: its name, its options (credentials, environment, server variables, path
// options, rate limiting) and where each goes. `render-factory.ts` writes it out; the samples take its options.
import { sensitivePropertyNames } from "@clientele/registry/spec-walk";
import type { OpenAPI3 } from "openapi-typescript";
import { credentialOptions } from "./credential-options.ts";
import { serverOptions } from "./server-options.ts";

/** How a sample fills an option: one of its literal values, or a value of its type. */
export type FactoryOptionType =
  | { kind: "literal"; values: (string | number | boolean)[] }
  | { kind: "string" | "number" | "boolean" };

/** What a code sample needs of the factory. */
export interface Factory {
  /** e.g. `createCubitClient` */
  name: string;
  /** the options a caller must pass, in declared order */
  required: { name: string; type: FactoryOptionType }[];
}

/** Where a factory option's value goes. */
export type OptionSource =
  | { kind: "header"; header: string }
  | { kind: "basic"; part: "username" | "password" }
  | { kind: "environment"; values: string[]; via: "servers" | "path" }
  | { kind: "path"; values: string[] | undefined }
  | { kind: "server-variable"; values: string[] | undefined; pattern: ServerPattern | undefined }
  | { kind: "requests-per-minute" };

/** A server variable's `x-pattern` and what a value matching it is, for the error message. */
export interface ServerPattern {
  regex: string;
  meaning: string;
}

export interface ClientOption {
  name: string;
  /** The option's JSDoc, from the spec's descriptions. */
  doc: string;
  required: boolean;
  source: OptionSource;
}

export interface ClientModel {
  /** The name-level part of every exported name: `CycleSoftware` in `createCycleSoftwareClient`. */
  name: string;
  factory: string;
  /** The provider's own options, in the order the factory checks them. */
  options: ClientOption[];
  /** How credentials travel: named headers, HTTP Basic, or (no scheme in the spec) whatever `headers` holds. */
  credentials: "headers" | "basic" | "none";
  /** The server URL: the default one, one per environment, or a template the server variables fill. */
  server: "default" | "environments" | "template";
  /** The first server's URL, with `{name}` where a server variable goes. */
  serverUrl: string;
  /** The spec has path options (`x-client-option` on path parameters). */
  pathOptions: boolean;
  /** The spec names rate-limit headers (`x-rate-limit`). */
  rateLimit: boolean;
  /**
   * Some field is `x-sensitive`. Only then does the factory pass spec.ts's `sensitiveKeys`: an empty list masks
   * nothing.
   */
  sensitiveFields: boolean;
}

/** Registry-level choices the spec cannot carry: redocly.yaml `apis.<id>.x-client`. */
export interface ClientConfig {
  /** The capitalised name, e.g. `CycleSoftware`; default: the provider id with its first letter upper-cased. */
  name?: string;
}

/**
 * Reads the factory a spec describes.
 * @param id the provider id (`cubit`), named in errors and the default name
 */
export function readClientModel(spec: OpenAPI3, id: string, config: ClientConfig = {}): ClientModel {
  const name = config.name ?? id.replace(/^./, (c) => c.toUpperCase());
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    throw new Error(`${id}: the client name "${name}" must be a capitalised identifier (set x-client.name)`);
  }
  const credentials = credentialOptions(spec, id);
  const servers = serverOptions(spec, id);
  const options = [...credentials.options, ...servers.options];
  const rateLimit = spec["x-rate-limit"] !== undefined;
  if (rateLimit) options.push(requestsPerMinute(spec, name));
  const seen = new Set<string>();
  for (const option of options) {
    if (seen.has(option.name)) throw new Error(`${id}: two factory options are named "${option.name}"`);
    seen.add(option.name);
  }
  return {
    name,
    factory: `create${name}Client`,
    options,
    credentials: credentials.kind,
    server: servers.kind,
    serverUrl: servers.url,
    pathOptions: servers.options.some(
      (o) => o.source.kind === "path" || (o.source.kind === "environment" && o.source.via === "path"),
    ),
    rateLimit,
    sensitiveFields: sensitivePropertyNames(spec).size > 0,
  };
}

/** The required options and how a sample fills each. */
export function factoryOf(model: ClientModel): Factory {
  return {
    name: model.factory,
    required: model.options.filter((o) => o.required).map((o) => ({ name: o.name, type: sampleType(o.source) })),
  };
}

function sampleType(source: OptionSource): FactoryOptionType {
  if (source.kind === "requests-per-minute") return { kind: "number" };
  if (source.kind === "header" || source.kind === "basic") return { kind: "string" };
  return source.values ? { kind: "literal", values: source.values } : { kind: "string" };
}

/** The client-side limiter, with the limit the spec shows for the minute header, when it shows one. */
function requestsPerMinute(spec: OpenAPI3, name: string): ClientOption {
  const header = (spec["x-rate-limit"] as Record<string, string> | undefined)?.minuteLimit;
  const schema = header ? spec.components?.headers?.[header] : undefined;
  const examples = schema && "schema" in schema ? (schema.schema as { examples?: unknown[] }).examples : undefined;
  const limit = typeof examples?.[0] === "number" ? ` (${name} allows ${examples[0]})` : "";
  return {
    name: "requestsPerMinute",
    doc: `Hold requests back so this client sends at most this many in any 60 seconds${limit}. Off by default.`,
    required: false,
    source: { kind: "requests-per-minute" },
  };
}
