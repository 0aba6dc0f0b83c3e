import type { Logger } from "./logger.js";
import type { RateLimitReader } from "./rate-limit.js";
import { createRedactor } from "./redact.js";
import type { FetchLike } from "./transport.js";
import { Transport } from "./transport.js";

/** Options every client factory takes. */
export interface ClientOptions {
  /** Overrides the vendor's server, e.g. a local mock: an absolute http(s) URL. */
  baseUrl?: string;
  fetch?: FetchLike;
  /** Sent with every request (after the auth headers, so they can be overridden). */
  headers?: Record<string, string>;
  /** Milliseconds per attempt; default 30 000. */
  timeout?: number;
  /** Retries after the first attempt; default 2. */
  maxRetries?: number;
  logger?: Logger;
}

const COMMON_OPTIONS = ["baseUrl", "fetch", "headers", "timeout", "maxRetries", "logger"];

/** Bad input to a client factory. The message names the option, never its value when that could be a secret. */
export class OptionError extends TypeError {
  override name = "OptionError";
  readonly option: string;
  constructor(factory: string, option: string, problem: string) {
    super(`${factory}: option "${option}" ${problem}`);
    this.option = option;
  }
}

export interface TransportSetup<PathOptions> {
  /** The public factory's name, for error messages. */
  factory: string;
  options: ClientOptions;
  /** The provider's own option names, beyond the common ones. */
  providerOptions: readonly string[];
  defaultBaseUrl: string;
  authHeaders: Record<string, string>;
  secrets: string[];
  sensitiveKeys?: readonly string[];
  path?: PathOptions;
  readRateLimit?: RateLimitReader;
  requestsPerMinute?: number | undefined;
}

/** Reads an optional whole-number option, e.g. a provider's `requestsPerMinute`. */
export function optionalCount(factory: string, options: object, option: string): number | undefined {
  return (options as Record<string, unknown>)[option] === undefined
    ? undefined
    : checkCount(factory, options, option, 0);
}

export function createTransport<PathOptions = undefined>(setup: TransportSetup<PathOptions>): Transport<PathOptions> {
  const { factory, options } = setup;
  if (options === null || typeof options !== "object") throw new OptionError(factory, "options", "must be an object");
  for (const name of Object.keys(options)) {
    if (!COMMON_OPTIONS.includes(name) && !setup.providerOptions.includes(name)) {
      throw new OptionError(factory, name, "is not an option of this client");
    }
  }
  const { fetch, headers, logger } = options;
  if (fetch !== undefined && typeof fetch !== "function") throw new OptionError(factory, "fetch", "must be a function");
  if (logger !== undefined && typeof logger !== "function")
    throw new OptionError(factory, "logger", "must be a function");
  return new Transport({
    baseUrl: options.baseUrl === undefined ? setup.defaultBaseUrl : checkBaseUrl(factory, options.baseUrl),
    fetch: fetch ?? ((input, init) => globalThis.fetch(input, init)),
    headers: { ...setup.authHeaders, ...checkHeaders(factory, headers) },
    timeout: checkCount(factory, options, "timeout", 30_000),
    maxRetries: checkCount(factory, options, "maxRetries", 2),
    redactor: createRedactor(setup.secrets, setup.sensitiveKeys),
    path: setup.path as PathOptions,
    logger,
    readRateLimit: setup.readRateLimit,
    requestsPerMinute: setup.requestsPerMinute,
  });
}

export function requireString(factory: string, options: object, option: string): string {
  const value = (options as Record<string, unknown> | undefined)?.[option];
  if (typeof value !== "string" || value.trim() === "") {
    throw new OptionError(factory, option, "is required: a non-empty string");
  }
  return value;
}

export function requireOneOf<T extends string>(
  factory: string,
  options: object,
  option: string,
  allowed: readonly T[],
): T {
  const value = (options as Record<string, unknown> | undefined)?.[option];
  if (!allowed.includes(value as T)) {
    const shown = typeof value === "string" ? `"${value}"` : String(value);
    throw new OptionError(factory, option, `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}; got ${shown}`);
  }
  return value as T;
}

function checkCount(factory: string, options: object, option: string, fallback: number): number {
  const value = (options as Record<string, unknown>)[option];
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new OptionError(factory, option, "must be a whole number ≥ 0");
  }
  return value;
}

function checkBaseUrl(factory: string, baseUrl: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof baseUrl === "string" ? new URL(baseUrl) : undefined;
  } catch {}
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new OptionError(factory, "baseUrl", "must be an absolute http(s) URL");
  }
  if (url.username || url.password) {
    throw new OptionError(factory, "baseUrl", "must not contain credentials; use the client's credential options");
  }
  if (url.search || url.hash) throw new OptionError(factory, "baseUrl", "must not have a query or fragment");
  return url.href.replace(/\/+$/, "");
}

function checkHeaders(factory: string, headers: unknown): Record<string, string> {
  if (headers === undefined) return {};
  if (headers === null || typeof headers !== "object" || Array.isArray(headers)) {
    throw new OptionError(factory, "headers", "must be an object of header names to string values");
  }
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== "string") throw new OptionError(factory, `headers.${name}`, "must be a string");
  }
  return headers as Record<string, string>;
}
