import { type BodyEncoder, prepareCall } from "./call-options.js";
import { corsHint, runsInBrowser } from "./cors-hint.js";
import {
  at,
  ConnectionError,
  detailOf,
  errorClassFor,
  RedirectError,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  UserAbortError,
} from "./errors.js";
import type { LogEvent } from "./logger.js";
import { maskHeaders, type Redactor, redactHeaders } from "./redact.js";
import { nextHop, type Refusal } from "./redirect.js";
import { type Outcome, type RetryDecision, retryDecision } from "./retry-policy.js";
import { sleep } from "./sleep.js";
import type {
  ApiErrorInit,
  ApiPromise,
  ApiResult,
  CallInfo,
  Operation,
  RateLimit,
  Release,
  RequestOptions,
  TransportSettings,
} from "./types.js";

export type { ApiPromise, ApiResult, FetchLike, Operation, RequestOptions, TransportSettings } from "./types.js";

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
  const { logger } = settings;
  const {
    url,
    headers,
    body: sent,
    secrets,
    signal,
  } = prepareCall(transport, operation, path, options, encodeBody, body);
  // Each checked by prepareCall; undefined means the client's default.
  const {
    timeout = settings.timeout,
    maxRetries = settings.maxRetries,
    maxResponseBytes: maxBytes = settings.maxResponseBytes,
  } = options ?? {};
  const init: RequestInit = { method: operation.method, headers, body: sent, redirect: "manual" };

  // Redacting parses the sent body for sensitive values: only an error or a log line pays for it.
  let redactor: Redactor | undefined;
  let info: CallInfo | undefined;
  const redact = () => (redactor ??= settings.redactor.forCall(sent, secrets));
  const call = () => (info ??= { operationId: operation.id, method: operation.method, url: redact().text(url) });
  const aborted = (reason: unknown): never => {
    throw new UserAbortError(call(), reason);
  };

  let attempt = 0;
  const log =
    logger &&
    ((event: DistributiveOmit<LogEvent, keyof CallInfo | "attempt">) => logger({ ...event, ...call(), attempt }));

  for (; ; attempt++) {
    const pacing = settings.rateLimits?.before(transport.rateLimit, call, signal);
    let release: Release | undefined;
    if (pacing) release = await pacing.catch(aborted);
    const started = log ? Date.now() : 0;
    log?.({ type: "request", headers: maskHeaders(headers, settings.credentialHeaders, redact()) });
    // What went wrong with this attempt (set by the catch or by the answer's branches below, each of which either
    // sets it, returns or throws), and what it came to as far as retrying goes.
    let failure!: Error;
    let outcome: Outcome = FINAL;
    // One attempt, redirects included: the timeout covers the headers and the whole body.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort);
    let response: Response | undefined;
    // Undefined when the body is longer than `maxBytes`, or when a redirect is refused.
    let text: string | undefined;
    let refused: Refusal | undefined;
    try {
      if (signal?.aborted) throw signal.reason;
      init.signal = controller.signal;
      for (let hops = 0, from = url, hopInit = init; ; hops++) {
        response = await settings.fetch(from, hopInit);
        const hop = nextHop(response, from, hopInit, hops, settings);
        if (!hop) break;
        await response.body?.cancel();
        if (Array.isArray(hop)) {
          refused = hop;
          break;
        }
        ({ url: from, init: hopInit } = hop);
      }
      if (!refused) text = meta.unread && response.ok ? "" : await readText(response, maxBytes);
    } catch (error) {
      // No usable answer, even where its headers came (a body that broke off): the error is the failure.
      response = undefined;
      if (signal?.aborted) aborted(signal.reason);
      if (timedOut) {
        failure = new TimeoutError(call(), `${at(call())} timed out after ${timeout} ms`);
        outcome = { error: "timeout" };
      } else {
        // The messages down the cause chain, five deep at most (fetch's own message, "fetch failed", says little),
        // and its codes.
        let reason = "";
        const codes: string[] = [];
        let cause = error as { message?: unknown; code?: unknown; cause?: unknown } | null | undefined;
        for (let depth = 0; cause != null && depth++ < 5; cause = cause.cause as typeof cause) {
          reason += `${reason && ": "}${cause instanceof Error ? cause.message : String(cause)}`;
          if (typeof cause.code === "string") codes.push(cause.code);
        }
        failure = new ConnectionError(
          call(),
          `${at(call())} failed: ${redact().text(reason)}${corsHint(error, runsInBrowser())}`,
          codes[0],
        );
        outcome = { error: "network", codes };
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      release?.();
    }
    if (response) {
      const rateLimit = settings.rateLimits?.read(response.headers);
      if (rateLimit) transport.rateLimit = rateLimit;
      const { status } = response;
      log?.({ type: "response", status, ms: Date.now() - started });
      // Read only once the call has succeeded, so it may as well hold this attempt's response whatever it comes to.
      meta.response = response;
      meta.rateLimit = rateLimit;
      if (meta.unread && response.ok) return response as T;
      // A failed answer: its class, what the message says after "answered <status>", and when to retry.
      let Class: new (init: ApiErrorInit, message?: string) => Error;
      let why = "";
      let hint: string | undefined;
      let extra: object | undefined;
      // The body as the caller would see it; undefined when there is none to read (a refused redirect, a body
      // over the limit).
      let data: unknown;
      if (refused) {
        Class = RedirectError;
        [why] = refused;
        extra = { location: refused[1] };
      } else if (text === undefined) {
        // Not retried: the body would be as long again, and a retry would download the limit once more.
        Class = ResponseTooLargeError;
        why = ` with a body over the maxResponseBytes limit of ${maxBytes} bytes; reading stopped there`;
      } else {
        // JSON where the spec promises it (on a 2xx) or the content type says so, else the text; undefined when
        // empty and not promised. A 2xx whose JSON does not parse, or is empty though promised, is UNPARSEABLE; an
        // error body that does not parse stays text.
        const promised = response.ok && operation.json;
        data = text || promised ? text : undefined;
        if (promised || (text && response.headers.get("content-type")?.includes("json"))) {
          try {
            data = JSON.parse(text);
          } catch {
            if (response.ok) data = UNPARSEABLE;
          }
        }
        // Drift is checked on what the caller would see: a body that does not parse has nothing to check.
        const drift =
          settings.validation &&
          data !== UNPARSEABLE &&
          settings.validation(call(), attempt, response, data, redact(), rateLimit);
        if (drift) throw drift;
        if (data === UNPARSEABLE) {
          Class = ResponseParseError;
          data = text;
          why = text
            ? ` with a body that is not the JSON expected${detailOf(text)}`
            : " with an empty body where JSON is due";
          // A body cut off on the way is a transport fault like a broken connection: retried when that is safe.
          outcome = { error: "unparseable" };
        } else if (response.ok) {
          const flagged = operation.errorFlag?.(data, redact);
          if (!flagged) return data as T;
          [Class, why, extra] = flagged;
        } else {
          Class = errorClassFor(status);
          // What the figures say (which budget is spent, until when) is more precise than what the spec says in
          // general.
          hint = (status === 429 && settings.rateLimits?.explain(rateLimit)) || operation.hints?.[status];
          outcome = { status, headers: response.headers, rateLimit };
        }
      }
      failure = new Class(
        {
          ...call(),
          status,
          headers: redactHeaders(response.headers, redact()),
          body: redact().value(data),
          rateLimit,
          hint,
          ...extra,
        },
        why ? redact().text(`${at(call())} answered ${status}${why}`) : undefined,
      );
    }
    // Logged, then retried after the delay the retry policy answers, or thrown. The policy is the operation's
    // (its `idempotent`) with the call's `maxRetries`.
    const decision: RetryDecision = retryDecision(outcome, attempt, { ...operation, maxRetries });
    if (decision === "stop") {
      log?.({ type: "error", message: failure.message });
      throw failure;
    }
    log?.({ type: "retry", delayMs: decision, message: failure.message });
    await sleep(decision, signal).catch(aborted);
  }
}

/** What a call keeps on the side for `withResponse()` and `asResponse()`. */
interface Meta extends Omit<ApiResult<unknown>, "data"> {
  /** `asResponse()` was called: a 2xx is handed over with its body unread. */
  unread?: boolean;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An attempt no retry can change. */
const FINAL: Outcome = { error: "final" };

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

/** A 2xx body that is not the JSON it should be. */
const UNPARSEABLE = Symbol();
