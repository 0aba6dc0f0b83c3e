import { type BodyEncoder, prepareCall } from "./call-options.js";
import { corsHint, runsInBrowser } from "./cors-hint.js";
import type { BodyCheck } from "./error-flag.js";
import {
  type ApiError,
  type CallInfo,
  ConnectionError,
  detailOf,
  errorClassFor,
  RedirectError,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  UserAbortError,
} from "./errors.js";
import type { LogEvent, Logger } from "./logger.js";
import type { RateLimiting, Release } from "./rate-limit.js";
import { maskHeaders, type Redactor, redactHeaders } from "./redact.js";
import { isRedirect, nextHop, type Refusal } from "./redirect.js";
import {
  backoffDelay,
  isRetryableStatus,
  neverReachedServer,
  RETRY_AFTER_LIMIT_MS,
  retryAfterDelay,
  sleep,
} from "./retry.js";
import type { RateLimit } from "./types.js";
import type { ValidationHook } from "./validation/validators.js";

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Per-call options: the last argument of every generated method. An unknown name or a value of the wrong type
 * rejects the call with an `OptionError` naming the operation and the option; `undefined` means the client's default.
 */
export interface RequestOptions {
  /** Cancels the call, including a pending retry; an aborted call is never retried. */
  signal?: AbortSignal | null;
  /**
   * Merged over the client's headers (names compared case-insensitively). Values are strings; `undefined` leaves the
   * client's header as it is and `null` removes it for this call. Any other value (a number, a string with a line
   * break) is an `OptionError`. A credential header given here (`api-key`, `authorization`, …) is redacted from this
   * call's errors and logs like the client's own.
   */
  headers?: Record<string, string | null | undefined>;
  /** Milliseconds per attempt, covering the headers and the whole body. */
  timeout?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
  /** The longest response body to read, in bytes; a longer one rejects with a `ResponseTooLargeError`. */
  maxResponseBytes?: number;
}

/** What generation knows about an operation. */
export interface Operation {
  id: string;
  method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  /** Safe to send twice: GET/PUT/DELETE, or a POST the spec marks `x-idempotent`. */
  idempotent: boolean;
  /** Whether the operation takes a JSON object body; a required one missing rejects the call. */
  body?: "required" | "optional";
  /** Every 2xx of the spec has a JSON body: an empty or unparseable one is a `ResponseParseError`. */
  json?: boolean;
  /** The spec's `x-error-flag` as `errorFlag(property, message)`: a flagged 2xx body is an `InBodyError`. */
  errorFlag?: BodyCheck | undefined;
  /** What each documented error status means, from the spec's response descriptions: an `ApiError`'s `hint`. */
  hints?: Record<number, string>;
}

export interface TransportSettings<PathOptions = unknown> {
  baseUrl: string;
  fetch: FetchLike;
  /** Header names in lower case, so per-call headers replace them instead of adding a second value. */
  headers: Record<string, string>;
  /** Lower-case names of the headers that carry credentials (the factory's auth headers and the usual names). */
  credentialHeaders: ReadonlySet<string>;
  timeout: number;
  maxRetries: number;
  /** The longest response body read, in bytes. */
  maxResponseBytes: number;
  /** Follow redirects to another origin (never with credential headers or a body). */
  allowCrossOriginRedirects?: boolean | undefined;
  redactor: Redactor;
  /** Values the client fills into paths from its own options (Cubit's `environment`). */
  path: PathOptions;
  logger?: Logger | undefined;
  /** Only for APIs with rate limits (CycleSoftware). */
  rateLimits?: RateLimiting | undefined;
  /** Only with `validate` on: checks each parsed response against the spec (`@clientele/<provider>/validate`). */
  validation?: ValidationHook | undefined;
}

export interface ApiResult<T> {
  data: T;
  /** The response; its body has been read into `data`. */
  response: Response;
  /** Undefined where the API sends no rate-limit headers. */
  rateLimit: RateLimit | undefined;
}

export interface ApiPromise<T> extends Promise<T> {
  /** The parsed body together with the raw response and its rate-limit figures. */
  withResponse(): Promise<ApiResult<T>>;
  /**
   * The 2xx `Response` with its body unread, for streaming or parsing it yourself. Call it on the call's promise
   * at once (`client.getCustomer(id).asResponse()`), before awaiting anything else. Like openai-node's: a non-2xx
   * still rejects with its `ApiError` (retries included), and nothing of the body is checked (JSON, `x-error-flag`,
   * `maxResponseBytes`); `timeout` and `signal` cover the call until the headers arrive, no longer.
   */
  asResponse(): Promise<Response>;
}

export class Transport<PathOptions = unknown> {
  declare readonly settings: TransportSettings<PathOptions>;
  /** The figures of the latest response that carried any. A spent daily budget here makes calls fail fast. */
  rateLimit: RateLimit | undefined;

  /** The client's headers plus the content type of a JSON body, built once. */
  declare readonly jsonHeaders: Record<string, string>;

  constructor(settings: TransportSettings<PathOptions>) {
    // Not enumerable, so spreading, cloning or walking a transport (a logger serializing its context) meets none of
    // the credentials they hold; `toJSON` and the inspect hook below show a masked summary instead.
    Object.defineProperties(this, {
      settings: { value: settings },
      jsonHeaders: { value: { "content-type": "application/json", ...settings.headers } },
    });
  }

  /** What `JSON.stringify`, `console.log` and `util.inspect` show: the settings, credentials masked. */
  toJSON(): Record<string, unknown> {
    const { baseUrl, headers, credentialHeaders, redactor, timeout, maxRetries } = this.settings;
    return { baseUrl, headers: maskHeaders(headers, credentialHeaders, redactor), timeout, maxRetries };
  }

  [Symbol.for("nodejs.util.inspect.custom")](): Record<string, unknown> {
    return this.toJSON();
  }

  get path(): PathOptions {
    return this.settings.path;
  }
}

/**
 * One call of an operation: what every generated function returns. `path` is a function where it holds path
 * parameters or a query, so a bad one rejects the promise instead of throwing. `encodeBody` (`jsonBody`) and `body`
 * are given only by operations that take a body: the others carry no body code.
 */
export function send<T>(
  transport: Transport<unknown>,
  operation: Operation,
  path: string | (() => string),
  options?: RequestOptions,
  encodeBody?: BodyEncoder,
  body?: unknown,
): ApiPromise<T> {
  // The response is kept on the side, so a call that never asks for it pays for no second promise.
  const meta = {} as Meta;
  const promise = request<T>(transport, operation, path, options, encodeBody, body, meta) as ApiPromise<T>;
  promise.withResponse = () => promise.then((data) => ({ data, response: meta.response, rateLimit: meta.rateLimit }));
  promise.asResponse = () => {
    // Read once the headers are in, which is always later than this synchronous call; too late once it has read.
    meta.unread = true;
    return promise.then(() => meta.response);
  };
  return promise;
}

async function request<T>(
  transport: Transport,
  operation: Operation,
  path: string | (() => string),
  options: RequestOptions | undefined,
  encodeBody: BodyEncoder | undefined,
  body: unknown,
  meta: Meta,
): Promise<T> {
  const { settings } = transport;
  const { logger, rateLimits } = settings;
  const { id, method, idempotent } = operation;
  const {
    url,
    headers,
    body: sent,
    timeout,
    maxRetries,
    maxResponseBytes: maxBytes,
    secrets,
  } = prepareCall(transport, operation, path, options, encodeBody, body);
  options ??= {};
  const signal = options.signal ?? undefined;
  const init: RequestInit = { method, headers, body: sent, redirect: "manual", signal: undefined };

  // Redacting parses the sent body for sensitive values: only an error or a log line pays for it.
  let redactor: Redactor | undefined;
  let info: CallInfo | undefined;
  const redact = () => (redactor ??= settings.redactor.forCall(sent, secrets));
  const call = () => (info ??= { operationId: id, method, url: redact().text(url) });
  const aborted = (reason: unknown): never => {
    throw new UserAbortError(call(), reason);
  };

  let attempt = 0;
  const log =
    logger &&
    ((event: DistributiveOmit<LogEvent, keyof CallInfo | "attempt">) => logger({ ...event, ...call(), attempt }));
  /** Logs the outcome of a failed attempt and waits when another attempt is due. */
  const retry = async ({ message }: Error, delayMs: number | undefined): Promise<boolean> => {
    if (delayMs === undefined || attempt >= maxRetries) {
      log?.({ type: "error", message });
      return false;
    }
    log?.({ type: "retry", delayMs, message });
    await sleep(delayMs, signal).catch(aborted);
    return true;
  };

  for (; ; attempt++) {
    const pacing = rateLimits?.before(transport.rateLimit, call, signal);
    let release: Release | undefined;
    if (pacing) release = await pacing.catch(aborted);
    const started = log ? Date.now() : 0;
    log?.({ type: "request", headers: maskHeaders(headers, settings.credentialHeaders, redact()) });
    let response: Response;
    let text: string | undefined;
    let refused: Refusal | undefined;
    try {
      [response, text, refused] = await attemptFetch(settings, url, init, timeout, signal, maxBytes, meta);
    } catch (error) {
      release?.();
      if (signal?.aborted) aborted(signal.reason);
      let failure: ConnectionError;
      let retryIn: number | undefined;
      if (error === TIMED_OUT) {
        failure = new TimeoutError(call(), `${id}: ${method} ${call().url} timed out after ${timeout} ms`);
        if (idempotent) retryIn = backoffDelay(attempt);
      } else {
        const [reason, code] = explain(error);
        const hint = corsHint(error, runsInBrowser());
        failure = new ConnectionError(
          call(),
          `${id}: ${method} ${call().url} failed: ${redact().text(reason)}${hint}`,
          code,
        );
        if (idempotent || neverReachedServer(error)) retryIn = backoffDelay(attempt);
      }
      if (await retry(failure, retryIn)) continue;
      throw failure;
    }
    release?.();
    const rateLimit = rateLimits?.read(response.headers);
    if (rateLimit) transport.rateLimit = rateLimit;
    const { status, ok } = response;
    log?.({ type: "response", status, ms: Date.now() - started });
    meta.rateLimit = rateLimit;
    if (meta.unread && ok) {
      meta.response = response;
      return response as T;
    }
    // A failed answer: its class, what the message says after "answered <status>", and when to retry.
    let Class: typeof ApiError;
    let why = "";
    let hint: string | undefined;
    let extra: object | undefined;
    let retryIn: number | undefined;
    let data = refused || text === undefined ? undefined : parseBody(response, text, ok && operation.json);
    // Drift is checked on what the caller would see: a refused redirect or an unread body has nothing to check.
    const drift =
      settings.validation &&
      !refused &&
      text !== undefined &&
      data !== UNPARSEABLE &&
      settings.validation(call(), attempt, response, data, redact(), rateLimit);
    if (drift) throw drift;
    if (refused) {
      Class = RedirectError;
      [why] = refused;
      extra = { location: refused[1] };
    } else if (text === undefined) {
      // Not retried: the body would be as long again, and a retry would download the limit once more.
      Class = ResponseTooLargeError;
      why = ` with a body over the maxResponseBytes limit of ${maxBytes} bytes; reading stopped there`;
    } else if (data === UNPARSEABLE) {
      Class = ResponseParseError;
      data = text;
      why = text
        ? ` with a body that is not the JSON expected${detailOf(text)}`
        : " with an empty body where JSON is due";
      // A body cut off on the way is a transport fault like a broken connection: retried when that is safe.
      if (idempotent) retryIn = backoffDelay(attempt);
    } else if (ok) {
      const flagged = operation.errorFlag?.(data, redact);
      if (!flagged) {
        meta.response = response;
        return data as T;
      }
      [Class, why, extra] = flagged;
    } else {
      Class = errorClassFor(status);
      // What the figures say (which budget is spent, until when) is more precise than what the spec says in general.
      hint = (status === 429 && rateLimits?.explain(rateLimit)) || operation.hints?.[status];
      const asked = retryAfterDelay(response.headers);
      // No retry can succeed once the daily budget is spent, nor within seconds when a 429 shows the minute's
      // budget spent and names no time to come back: each such retry would only spend more of the day's budget.
      const spent =
        rateLimit?.dayRemaining === 0 || (status === 429 && asked === undefined && rateLimit?.minuteRemaining === 0);
      if (idempotent && isRetryableStatus(status) && !spent) {
        // A server asking for a longer pause than the limit gets its error back instead of a silently stalled call.
        retryIn = asked === undefined ? backoffDelay(attempt) : asked <= RETRY_AFTER_LIMIT_MS ? asked : undefined;
      }
    }
    const failure = new Class(
      {
        ...call(),
        status,
        headers: redactHeaders(response.headers, redact()),
        body: redact().value(data),
        rateLimit,
        hint,
        ...extra,
      },
      why ? redact().text(`${id}: ${method} ${call().url} answered ${status}${why}`) : undefined,
    );
    if (!(await retry(failure, retryIn))) throw failure;
  }
}

/** What a call keeps on the side for `withResponse()` and `asResponse()`. */
interface Meta extends Omit<ApiResult<unknown>, "data"> {
  /** `asResponse()` was called: a 2xx is handed over with its body unread. */
  unread?: boolean;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const TIMED_OUT = Symbol("timed out");

/**
 * One attempt, redirects included: the timeout covers the headers and the whole body. The text is undefined when
 * the body is longer than `maxBytes`, or when a redirect is refused (then the refusal comes third).
 */
async function attemptFetch(
  settings: TransportSettings,
  url: string,
  init: RequestInit,
  timeout: number,
  signal: AbortSignal | undefined,
  maxBytes: number,
  meta: Meta,
): Promise<[Response, string | undefined, Refusal?]> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort);
  try {
    if (signal?.aborted) throw signal.reason;
    init.signal = controller.signal;
    let response = await settings.fetch(url, init);
    for (let hops = 0, from = url; isRedirect(response); hops++) {
      await response.body?.cancel();
      const hop = nextHop(response, from, init, hops, settings.credentialHeaders, settings.allowCrossOriginRedirects);
      if (Array.isArray(hop)) return [response, undefined, hop];
      ({ url: from, init } = hop);
      response = await settings.fetch(from, init);
    }
    return [response, meta.unread && response.ok ? "" : await readText(response, maxBytes)];
  } catch (error) {
    throw timedOut ? TIMED_OUT : error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

/**
 * The body as text, or undefined past `maxBytes`: a declared length over it is refused unread, any other body is
 * counted as it streams in and abandoned at the limit, so a huge body is never downloaded whole.
 */
async function readText(response: Response, maxBytes: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const decoder = new TextDecoder();
  let text = "";
  for (let size = 0; !(Number(response.headers.get("content-length")) > maxBytes); ) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return undefined;
}

/** The messages down an error's cause chain (fetch's own message, "fetch failed", says little) and its code. */
function explain(error: unknown): [string, string | undefined] {
  let text = "";
  let code: string | undefined;
  let current = error as { message?: unknown; code?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; current != null && depth < 5; depth++, current = current.cause as typeof current) {
    text += `${text && ": "}${current instanceof Error ? current.message : String(current)}`;
    if (code === undefined && typeof current.code === "string") code = current.code;
  }
  return [text, code];
}

const UNPARSEABLE = Symbol("unparseable");

/**
 * JSON when the content type says so or `promisesJson` (a 2xx of an operation whose spec promises JSON), else
 * the text; undefined for an empty body. UNPARSEABLE where JSON was due and the text is not JSON, or is empty
 * though promised: an error body that does not parse is kept as text instead.
 */
function parseBody(response: Response, text: string, promisesJson: boolean | undefined): unknown {
  if (text === "") return promisesJson ? UNPARSEABLE : undefined;
  if (!promisesJson && !response.headers.get("content-type")?.includes("json")) return text;
  try {
    return JSON.parse(text);
  } catch {
    return response.ok ? UNPARSEABLE : text;
  }
}
