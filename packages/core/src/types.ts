/**
 * The types every module shares: an operation, a call's options, its result, the transport's settings, and the type
 * helpers the generated operations use to name their inputs and results from openapi-typescript output. Data only:
 * this module imports no other module of core's but the leaf type modules, so no import cycle can run through it.
 */
import type { Logger } from "./logger.js";
import type { Redactor } from "./redact.js";

type Json<Content> = Content extends { "application/json": infer T }
  ? T
  : Content extends { "text/plain": infer T }
    ? T
    : never;

export type JsonBody<Op> = Op extends { requestBody: { content: infer C } }
  ? Json<C>
  : Op extends { requestBody?: { content: infer C } }
    ? Json<C> | undefined
    : never;

export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? Q : never;

export type PathOf<Op> = Op extends { parameters: { path: infer P } } ? P : never;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206;

/** The body of the 2xx responses; `undefined` where the spec documents none. */
export type SuccessBody<Op> = Op extends { responses: infer R }
  ? {
      [S in keyof R & SuccessStatus]: R[S] extends { content: infer C } ? Json<C> : undefined;
    }[keyof R & SuccessStatus]
  : never;

declare const forbidden: unique symbol;

/**
 * The type of a field the spec forbids in a body (`not: {}`). No value has it, so setting the field is a compile
 * error whose text carries `Why`: `Type 'number' is not assignable to type 'Forbidden<"customer_id is not sent
 * in updateCustomer's body: …">'`.
 */
export type Forbidden<Why extends string> = { readonly [forbidden]: Why };

/**
 * The `extraBody` of a call: fields the spec does not name, for a vendor's undocumented or per-account fields. A
 * field the body type names must go in the body, where its type is checked.
 */
export type ExtraBody<Body> = { [field: string]: unknown } & {
  [K in keyof Body]?: NonNullable<Body[K]> extends Forbidden<string>
    ? Body[K]
    : Forbidden<`${K & string} is a typed field: set it in the body, not in extraBody`>;
};

/** Per-call options of an operation that sends a JSON body. */
export interface BodyRequestOptions<Body> extends RequestOptions {
  /**
   * Fields the spec does not name, merged into the JSON body as sent (Stainless' `extra_body`): a vendor's
   * undocumented fields, or Cube4sales' assignment-specific ones. Values are sent as JSON, as the body's are. A field
   * the body also holds is an `OptionError` (set it in one place); one the body type names is a compile error.
   */
  extraBody?: ExtraBody<Body>;
}

/** A vendor's rate-limit headers, read into numbers. Absent or unreadable headers stay undefined. */
export interface RateLimit {
  minuteLimit?: number;
  minuteRemaining?: number;
  dayLimit?: number;
  dayRemaining?: number;
  /** When the daily budget refills. */
  dayReset?: Date;
}

/** Which call failed. The URL is redacted: credentials and sensitive values are masked. */
export interface CallInfo {
  operationId: string;
  method: string;
  url: string;
}

/** What an `ApiError` is made of: the call, and the (redacted) response. */
export interface ApiErrorInit extends CallInfo {
  status: number;
  headers: Headers;
  body: unknown;
  rateLimit?: RateLimit | undefined;
  /** What the API's documentation says this status means for this operation. */
  hint?: string | undefined;
}

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

/**
 * Reads a parsed 2xx body (the spec's `x-error-flag`): the error's class (`InBodyError`), the end of its message
 * and its extra fields, or undefined where the body is the success it looks like. Only the operations whose spec
 * has the flag carry it, so the others bundle neither this nor the class.
 */
export type BodyCheck = (
  body: unknown,
  redact: () => Redactor,
) => [Class: new (init: ApiErrorInit, message?: string) => Error, why: string, fields: object] | undefined;

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

/** Ends an attempt's hold on its limiter slot. */
export type Release = () => void;

/**
 * What an API with rate limits plugs into its transport. Only such a provider imports `rate-limit.ts`, so the
 * others' bundles carry none of it.
 */
export interface RateLimiting {
  read(headers: Headers): RateLimit | undefined;
  /**
   * Runs before every attempt: throws a `RateLimitError` when `latest` shows the daily budget spent and not yet
   * reset. With the client-side limiter it returns a promise of a slot: the attempt calls `release` once it is
   * over. Without one it returns undefined, so an unpaced call costs no extra await.
   */
  before(latest: RateLimit | undefined, call: () => CallInfo, signal?: AbortSignal): Promise<Release> | undefined;
  /** A 429's hint from its figures: which budget is spent and when it refills; undefined when they do not say. */
  explain(figures: RateLimit | undefined): string | undefined;
}

/**
 * Checks one parsed response: returns the error to reject the call with (`throw` mode, a `ResponseValidationError`),
 * else undefined. Positional, so the transport's call site stays small in every bundle.
 */
export type ValidationHook = (
  call: CallInfo,
  attempt: number,
  response: Response,
  body: unknown,
  redactor: Redactor,
  rateLimit: RateLimit | undefined,
) => Error | undefined;

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
