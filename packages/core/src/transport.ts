import { ConnectionError, errorClassFor, RateLimitError, TimeoutError } from "./errors.js";
import type { Logger } from "./logger.js";
import { encodeQuery } from "./query.js";
import type { RateLimit, RateLimitReader } from "./rate-limit.js";
import { minuteLimiter } from "./rate-limit.js";
import type { Redactor } from "./redact.js";
import {
  backoffDelay,
  isRetryableStatus,
  neverReachedServer,
  RETRY_AFTER_LIMIT_MS,
  retryAfterDelay,
  sleep,
} from "./retry.js";

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Per-call options: the last argument of every generated method. */
export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Milliseconds per attempt, including reading the body. */
  timeout?: number;
  maxRetries?: number;
}

/** What generation knows about an operation. */
export interface Operation {
  id: string;
  method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  /** Safe to send twice: GET/PUT/DELETE, or a POST the spec marks `x-idempotent`. */
  idempotent: boolean;
}

export interface TransportSettings<PathOptions = unknown> {
  baseUrl: string;
  fetch: FetchLike;
  headers: Record<string, string>;
  timeout: number;
  maxRetries: number;
  redactor: Redactor;
  /** Values the client fills into paths from its own options (Cubit's `environment`). */
  path: PathOptions;
  logger?: Logger | undefined;
  readRateLimit?: RateLimitReader | undefined;
  requestsPerMinute?: number | undefined;
}

export interface ApiResult<T> {
  data: T;
  response: Response;
  rateLimit: RateLimit | undefined;
}

export interface ApiPromise<T> extends Promise<T> {
  /** The parsed body together with the raw response and its rate-limit figures. */
  withResponse(): Promise<ApiResult<T>>;
}

export class Transport<PathOptions = unknown> {
  readonly settings: TransportSettings<PathOptions>;
  /** The figures of the latest response, when the API sends any. */
  rateLimit: RateLimit | undefined;
  private readonly acquire: ((signal?: AbortSignal) => Promise<void>) | undefined;

  constructor(settings: TransportSettings<PathOptions>) {
    this.settings = settings;
    this.acquire = settings.requestsPerMinute ? minuteLimiter(settings.requestsPerMinute) : undefined;
  }

  get path(): PathOptions {
    return this.settings.path;
  }

  send<T>(operation: Operation, path: string, query: object | undefined, body: unknown, options?: RequestOptions) {
    const result = this.run<T>(operation, path, query, body, options);
    const promise = result.then((r) => r.data) as ApiPromise<T>;
    // A caller using only withResponse() must not leave this branch as an unhandled rejection.
    promise.catch(() => {});
    promise.withResponse = () => result;
    return promise;
  }

  private async run<T>(
    operation: Operation,
    path: string,
    query: object | undefined,
    body: unknown,
    options: RequestOptions = {},
  ): Promise<ApiResult<T>> {
    const { settings } = this;
    const url = settings.baseUrl + path + (query ? encodeQuery(query) : "");
    const redactor = body === undefined ? settings.redactor : settings.redactor.forBody(body);
    const headers =
      body === undefined
        ? { ...settings.headers, ...options.headers }
        : { "content-type": "application/json", ...settings.headers, ...options.headers };
    const init: RequestInit = { method: operation.method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    const maxRetries = options.maxRetries ?? settings.maxRetries;
    const timeout = options.timeout ?? settings.timeout;
    const { logger } = settings;
    const shownUrl = redactor.text(url);

    for (let attempt = 0; ; attempt++) {
      this.failWhenDailyBudgetIsSpent(operation, shownUrl);
      await this.acquire?.(options.signal);
      logger?.({
        type: "request",
        operationId: operation.id,
        method: operation.method,
        url: shownUrl,
        attempt,
        headers: redactor.value(headers),
      });
      const started = logger ? Date.now() : 0;
      let retryIn: number | undefined;
      let failure: Error;
      try {
        const { response, text } = await attemptFetch(settings.fetch, url, init, timeout, options.signal);
        const rateLimit = settings.readRateLimit?.(response.headers);
        if (rateLimit) this.rateLimit = rateLimit;
        logger?.({
          type: "response",
          operationId: operation.id,
          method: operation.method,
          url: shownUrl,
          attempt,
          status: response.status,
          ms: Date.now() - started,
        });
        const data = parseBody(response, text);
        if (response.ok) return { data: data as T, response, rateLimit };
        const ErrorClass = errorClassFor(response.status);
        failure = new ErrorClass({
          status: response.status,
          headers: response.headers,
          body: redactor.value(data),
          operationId: operation.id,
          method: operation.method,
          url: shownUrl,
          rateLimit,
        });
        if (operation.idempotent && isRetryableStatus(response.status)) {
          const asked = retryAfterDelay(response.headers);
          retryIn = asked === undefined ? backoffDelay(attempt) : asked <= RETRY_AFTER_LIMIT_MS ? asked : undefined;
        }
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        const Failure = error instanceof AttemptTimeout ? TimeoutError : ConnectionError;
        const reason = error instanceof AttemptTimeout ? `timed out after ${timeout} ms` : undefined;
        failure = new Failure(
          operation.id,
          operation.method,
          shownUrl,
          error instanceof AttemptTimeout ? undefined : error,
          reason,
        );
        if (operation.idempotent || neverReachedServer(error)) retryIn = backoffDelay(attempt);
      }
      if (retryIn === undefined || attempt >= maxRetries) {
        logger?.({
          type: "error",
          operationId: operation.id,
          method: operation.method,
          url: shownUrl,
          attempt,
          message: failure.message,
        });
        throw failure;
      }
      logger?.({
        type: "retry",
        operationId: operation.id,
        method: operation.method,
        url: shownUrl,
        attempt,
        delayMs: retryIn,
        message: failure.message,
      });
      await sleep(retryIn, options.signal);
    }
  }

  private failWhenDailyBudgetIsSpent(operation: Operation, url: string): void {
    const reset = this.rateLimit?.dayReset;
    if (this.rateLimit?.dayRemaining !== 0 || !reset || reset.getTime() <= Date.now()) return;
    throw new RateLimitError(
      {
        status: 429,
        headers: new Headers(),
        body: undefined,
        operationId: operation.id,
        method: operation.method,
        url,
        rateLimit: this.rateLimit,
      },
      `${operation.id}: daily request budget spent; not sent before ${reset.toISOString()}`,
    );
  }
}

class AttemptTimeout extends Error {}

/** One attempt: the timeout covers the headers and the whole body. */
async function attemptFetch(fetch: FetchLike, url: string, init: RequestInit, timeout: number, signal?: AbortSignal) {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  if (signal) {
    if (signal.aborted) throw signal.reason;
    signal.addEventListener("abort", onAbort, { once: true });
  }
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  try {
    init.signal = controller.signal;
    const response = await fetch(url, init);
    const text = await response.text();
    return { response, text };
  } catch (error) {
    throw timedOut ? new AttemptTimeout() : error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

function parseBody(response: Response, text: string): unknown {
  if (text === "") return undefined;
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
