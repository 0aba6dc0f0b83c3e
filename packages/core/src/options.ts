import { CALL_OPTIONS, checkHeader } from "./call-options.js";
import { credentialHeaderNames } from "./credential-headers.js";
import { OptionError, unknownOption, wholeNumber } from "./errors.js";
import { type LogLevel, resolveLogger } from "./log-level.js";
import type { Logger } from "./logger.js";
import { createRedactor } from "./redact.js";
import { Transport } from "./transport.js";
import type { FetchLike, RateLimiting, ValidationHook } from "./types.js";
import type { DriftReport } from "./validation/drift.js";
import type { ValidateMode, Validators } from "./validation/validators.js";

/** Options every client factory takes. */
export interface ClientOptions {
  /** Overrides the vendor's server, e.g. a local mock: an absolute http(s) URL. */
  baseUrl?: string;
  fetch?: FetchLike;
  /**
   * Sent with every request (after the auth headers, so they can be overridden). Values must be strings without line
   * breaks or characters beyond Latin-1; a bad one is an `OptionError` that never quotes the value.
   */
  headers?: Record<string, string>;
  /** Milliseconds per attempt, covering the headers and the whole body; default 30 000. */
  timeout?: number;
  /** Retries after the first attempt; default 2. */
  maxRetries?: number;
  /** The longest response body to read, in bytes; default 64 MiB. A longer one is a `ResponseTooLargeError`. */
  maxResponseBytes?: number;
  /**
   * Follow a redirect to another origin, without the credential headers and only when there is no body to send.
   * Default false: such a redirect is a `RedirectError`.
   */
  allowCrossOriginRedirects?: boolean;
  /** Gets request, response, retry and error events, with secrets redacted. */
  logger?: Logger;
  /**
   * The least important event logged: `"debug"` (requests and responses), `"info"` (retries), `"warn"`, `"error"`
   * (failed calls) or `"off"`. With a `logger`, it filters what that logger gets (default: everything). Without one,
   * events go to the console at this level; unset, the `CLIENTELE_LOG` environment variable sets it (where the
   * runtime has `process.env`), else nothing is logged.
   */
  logLevel?: LogLevel;
  /**
   * Check every response against the operation's spec (default `"off"`). `"warn"` hands each way a response leaves
   * the spec to `onDrift` and returns the call's result unchanged; `"throw"` rejects the call with a
   * `ResponseValidationError`. Either needs `validators`.
   */
  validate?: ValidateMode;
  /** The provider's generated checkers, from its `/validate` entry: `@clientele/cubit/validate` exports `cubitValidators`. */
  validators?: Validators;
  /**
   * Gets every report in `"warn"` mode. Default: one warning per distinct mismatch, as a `drift` event to `logger`,
   * or `console.warn` without one. Reports are redacted.
   */
  onDrift?: (report: DriftReport) => void;
}

export interface TransportSetup<PathOptions> {
  /** The public factory's name, for error messages. */
  factory: string;
  options: ClientOptions;
  defaultBaseUrl: string;
  authHeaders: Record<string, string>;
  /** Values never to show in errors or logs (credentials); their percent-encoded forms are masked too. */
  secrets: string[];
  /** The media types the spec's responses use, sent as `Accept` (a user's `accept` header overrides it). */
  accept?: string;
  /** Body fields whose values are masked (`x-sensitive`). */
  sensitiveKeys?: readonly string[];
  path?: PathOptions;
  /** Only for APIs with rate limits: `rateLimiting(rateLimitHeaders, requestsPerMinute)`. */
  rateLimits?: RateLimiting;
}

/** Reads an optional count of at least 1, e.g. a provider's `requestsPerMinute` (0 would block every call). */
export function optionalCount(factory: string, options: object, option: string): number | undefined {
  const value = (options as Record<string, unknown> | undefined)?.[option];
  return value === undefined ? undefined : wholeNumber(factory, option, value, 1);
}

/**
 * The first check of every factory, before any option is read: a misspelt option (`apikey`, `baseURL`) is named as
 * such, with the option it probably meant, instead of surfacing as the real option being "required".
 */
export function checkOptionNames(factory: string, options: unknown, providerOptions: readonly string[]): void {
  if (options === null || typeof options !== "object") return;
  // The options every factory takes (ClientOptions), then the provider's own.
  const known = [
    "baseUrl",
    "fetch",
    "headers",
    "timeout",
    "maxRetries",
    "maxResponseBytes",
    "allowCrossOriginRedirects",
    "logger",
    "logLevel",
    "validate",
    "validators",
    "onDrift",
    ...providerOptions,
  ];
  for (const name of Object.keys(options)) {
    if (!known.includes(name)) throw unknownOption(factory, name, known, "this client");
  }
}

export function createTransport<PathOptions = undefined>(setup: TransportSetup<PathOptions>): Transport<PathOptions> {
  const { factory, options } = setup;
  if (options === null || typeof options !== "object") throw new OptionError(factory, "options", "must be an object");
  const { fetch, logger, timeout, maxRetries, maxResponseBytes, allowCrossOriginRedirects } = options;
  if (fetch !== undefined && typeof fetch !== "function") throw new OptionError(factory, "fetch", "must be a function");
  if (logger !== undefined && typeof logger !== "function") {
    throw new OptionError(factory, "logger", "must be a function");
  }
  if (allowCrossOriginRedirects !== undefined && typeof allowCrossOriginRedirects !== "boolean") {
    throw new OptionError(factory, "allowCrossOriginRedirects", "must be true or false");
  }
  return new Transport({
    baseUrl: options.baseUrl === undefined ? setup.defaultBaseUrl : checkBaseUrl(factory, options.baseUrl),
    // Looked up at call time, so a fetch patched in later (a test double, a polyfill) is used.
    fetch: fetch ?? ((input, init) => globalThis.fetch(input, init)),
    headers: checkHeaders(
      factory,
      setup.accept ? { accept: setup.accept, ...setup.authHeaders } : setup.authHeaders,
      options.headers,
    ),
    credentialHeaders: credentialHeaderNames(setup.authHeaders),
    timeout: timeout === undefined ? 30_000 : wholeNumber(factory, "timeout", timeout, 1),
    maxRetries: maxRetries === undefined ? 2 : wholeNumber(factory, "maxRetries", maxRetries, 0),
    // 64 MiB: far above any page of customers, far below what would exhaust a process.
    maxResponseBytes:
      maxResponseBytes === undefined ? 64 * 1024 * 1024 : wholeNumber(factory, "maxResponseBytes", maxResponseBytes, 0),
    allowCrossOriginRedirects,
    redactor: createRedactor(setup.secrets, setup.sensitiveKeys),
    path: setup.path as PathOptions,
    logger: resolveLogger(factory, logger, options.logLevel),
    rateLimits: setup.rateLimits,
    validation: validationHook(factory, options),
  });
}

/**
 * The response check. Everything but "validators are missing" is checked by the validators themselves, so a client
 * that never validates carries one test and one message, not the option checks.
 */
function validationHook(factory: string, options: ClientOptions): ValidationHook | undefined {
  const { validate, validators, onDrift } = options;
  if (typeof validators?.hook === "function") return validators.hook(factory, validate, onDrift, options.logger);
  if (validators !== undefined || onDrift !== undefined || (validate !== undefined && validate !== "off")) {
    throw new OptionError(factory, "validators", 'is required to validate: pass the package\'s "/validate" export');
  }
  return undefined;
}

export function requireString(factory: string, options: object, option: string): string {
  const value = (options as Record<string, unknown> | undefined)?.[option];
  if (typeof value !== "string" || !value.trim()) {
    throw new OptionError(factory, option, "is required: a non-empty string");
  }
  // Credentials end up in headers, where a line break is never valid (and fetch's complaint would quote the value).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\0-\x1f\x7f]/.test(value))
    throw new OptionError(factory, option, "must not contain line breaks or control characters");
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

function checkBaseUrl(factory: string, baseUrl: unknown): string {
  try {
    const url = new URL(baseUrl as string);
    // Credentials in the URL would bypass redaction; a query or fragment would corrupt every path appended to it.
    if (/^https?:$/.test(url.protocol) && !url.username && !url.password && !url.search && !url.hash) {
      return url.href.replace(/\/+$/, "");
    }
  } catch {}
  throw new OptionError(factory, "baseUrl", "must be an absolute http(s) URL without credentials, query or fragment");
}

/**
 * The auth headers with the user's over them, names in lower case. A bad value is caught here, once: fetch would
 * reject it on every call with a message quoting the value, which may be a credential.
 */
function checkHeaders(factory: string, auth: Record<string, string>, headers: unknown): Record<string, string> {
  // Refused as a call's headers are.
  if (headers !== undefined) CALL_OPTIONS.headers(factory, "headers", headers);
  const merged: Record<string, string> = {};
  for (const [name, value] of [...Object.entries(auth), ...Object.entries(headers ?? {})]) {
    merged[checkHeader(factory, name, value)] = value as string;
  }
  return merged;
}
