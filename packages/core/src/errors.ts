import type { ApiErrorInit, CallInfo, RateLimit } from "./types.js";

export type { ApiErrorInit, CallInfo } from "./types.js";

/**
 * The base class of every error the clients throw: one `instanceof ClienteleError` catches them all (an answer, no
 * answer, a cancelled call, bad input, a broken pagination). Each subclass names what went wrong in `name`.
 */
export class ClienteleError extends Error {
  override name = "ClienteleError";

  /** `fields` become the error's own properties (an `ApiError`'s status and body, an `OptionError`'s option). */
  constructor(message?: string, fields?: object, options?: ErrorOptions) {
    super(message, options);
    Object.assign(this, fields);
  }

  /**
   * The own fields (all redacted) plus the message, which is not an own enumerable property; never a Headers object
   * (it has no JSON form).
   */
  toJSON(): Record<string, unknown> {
    const { headers: _, ...fields } = this as this & { headers?: Headers };
    return { ...fields, message: this.message };
  }
}

/** How every message about a call begins: `getCustomer: GET https://…/customer/7`. */
export const at = (call: CallInfo): string => `${call.operationId}: ${call.method} ${call.url}`;

/**
 * A response with a non-2xx status. Everything it holds is redacted, and it keeps no `cause` or request object,
 * so `message`, `stack`, `toJSON()` and `util.inspect` (which prints own properties and the whole cause chain) can
 * show no secret.
 */
export class ApiError extends ClienteleError {
  override name = "ApiError";
  declare readonly status: number;
  /** The response headers, with secret values masked. */
  declare readonly headers: Headers;
  /** The parsed JSON body, or the text when the body is not JSON (an HTML error page); undefined when empty. */
  declare readonly body: unknown;
  declare readonly operationId: string;
  declare readonly method: string;
  declare readonly url: string;
  /** The rate-limit figures of the response, where the API sends any. */
  declare readonly rateLimit: RateLimit | undefined;
  /**
   * What the API's documentation says this status means for this operation (from the spec's response description),
   * e.g. Cubit's 400 on an upsert: the api-key does not match the environment in the URL. Undefined where the spec
   * documents no meaning for the status.
   */
  declare readonly hint: string | undefined;

  constructor(init: ApiErrorInit, message?: string) {
    super(message ?? `${at(init)} answered ${init.status}${detailOf(init.body, init.hint)}`, init);
  }
}

/**
 * `: <the server's reason> — <the documented meaning>`, on one line whatever the body's layout (an HTML page) and
 * short: the whole body stays on `body`. The reason is a text body, or the message field of a JSON one (`message`,
 * `error_message`, …), else the JSON; the server's own words come first, as they are the most specific.
 */
export function detailOf(body: unknown, hint?: string): string {
  const text = (typeof body === "string" ? body : body === undefined ? "" : (reasonIn(body) ?? JSON.stringify(body)))
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 500);
  const said = text && hint ? `${text} — ${hint}` : text || hint;
  return said ? `: ${said}` : "";
}

const REASON_FIELDS = ["message", "Message", "error_message", "errorMessage", "error_description", "detail", "error"];

function reasonIn(body: unknown): string | undefined {
  return REASON_FIELDS.map((field) => (body as Record<string, unknown> | null)?.[field]).find(
    (value): value is string => typeof value === "string" && !!value.trim(),
  );
}

export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}
export class UnauthorizedError extends ApiError {
  override name = "UnauthorizedError";
}
/** A 403: the credentials are valid but may not do this. */
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}
export class ConflictError extends ApiError {
  override name = "ConflictError";
}
export class UnprocessableEntityError extends ApiError {
  override name = "UnprocessableEntityError";
}
/** A 429, or a call not sent because the daily budget is spent (then `status` is 429 and `headers` is empty). */
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
}
/** Any status ≥ 500. */
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
}

/**
 * A 2xx whose body is not what the operation promises: JSON (by the spec or the response's content type) that does
 * not parse (a truncated body, an HTML page), or an empty body where the spec promises JSON. `body` holds the text.
 */
export class ResponseParseError extends ApiError {
  override name = "ResponseParseError";
}

/**
 * A 2xx whose body flags an error (the spec's `x-error-flag`, e.g. CycleSoftware's `error: true`). `errorMessage`
 * holds the server's message (its `error_message`), `body` the whole parsed body.
 */
export class InBodyError extends ApiError {
  override name = "InBodyError";
  declare readonly errorMessage: string | undefined;
}

/** A body longer than `maxResponseBytes`: reading stopped at the limit, and the call is not retried. */
export class ResponseTooLargeError extends ApiError {
  override name = "ResponseTooLargeError";
}

/**
 * A redirect the client does not follow: to another origin (unless allowed, and never with credentials or a body),
 * a 301/302/303 on a non-GET (fetch would turn it into a GET), more than 5 in a row, or a redirect a browser hides
 * (`opaqueredirect`, status 0). `location` is the redacted target; the message names both URLs.
 */
export class RedirectError extends ApiError {
  override name = "RedirectError";
  declare readonly location: string | undefined;
}

const byStatus: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: UnauthorizedError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The class a status maps to; statuses without their own class (405, 408, …) are plain `ApiError`s. */
export function errorClassFor(status: number): typeof ApiError {
  return byStatus[status] ?? (status >= 500 ? InternalServerError : ApiError);
}

/**
 * No response arrived: the connection failed or broke. The underlying error is not kept as `cause` (a runtime's
 * error can quote a header value); its redacted messages are in `message` and its error code in `code`.
 */
export class ConnectionError extends ClienteleError {
  override name = "ConnectionError";
  declare readonly operationId: string;
  declare readonly method: string;
  declare readonly url: string;
  /** The system or runtime error code, e.g. `ECONNRESET`, `ECONNREFUSED`, `UND_ERR_SOCKET`. */
  declare readonly code: string | undefined;

  constructor(call: CallInfo, message: string, code?: string) {
    super(message, call);
    this.code = code;
  }
}

/** An attempt (headers and body) took longer than the `timeout` option allows. */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
}

/**
 * The caller cancelled the call through its `signal` (before it was sent, while it was under way, or while it waited
 * for a retry or the rate limiter). `cause` is the signal's reason, so an `AbortSignal.timeout()` of the caller's
 * (a `DOMException` named `TimeoutError`) is never mistaken for the client's own `TimeoutError`.
 */
export class UserAbortError extends ClienteleError {
  override name = "UserAbortError";
  declare readonly operationId: string;
  declare readonly method: string;
  declare readonly url: string;

  constructor(call: CallInfo, reason: unknown) {
    // The caller's own reason is theirs to read back (no secret of the client's is in it), so the message keeps it.
    const why = typeof reason === "string" ? reason : (reason as { message?: unknown } | undefined)?.message;
    super(`${at(call)} was aborted by its signal${typeof why === "string" && why ? `: ${why}` : ""}`, call, {
      cause: reason,
    });
  }
}

/** Bad input to a client factory or call. The message names the option, never its value when that could be a secret. */
export class OptionError extends ClienteleError {
  override name = "OptionError";
  declare readonly option: string;
  /** `label` is how the message names the input, by default `option "<option>"`. */
  constructor(owner: string, option: string, problem: string, label = `option "${option}"`) {
    super(`${owner}: ${label} ${problem}`, { option });
  }
}

/**
 * A call's path parameter, body or query is not what the operation takes; nothing was sent. `option` names the
 * input: the path parameter (`"number"`), `"body"`, `"query"` or a query field (`"query.modified_since"`). It
 * extends `OptionError`, so one `instanceof OptionError` catches every mistake in how a client is called.
 */
export class InvalidInputError extends OptionError {
  override name = "InvalidInputError";
}

/** The problem of a value outside `allowed`: `must be one of "test", "prod"`. */
export const oneOf = (allowed: readonly string[]): string =>
  `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}`;

/** How a value reads in an error message, without quoting it (it may be a secret): `undefined`, `a Date`. */
export function kindOf(value: unknown): string {
  if (value == null || typeof value === "number" || typeof value === "boolean") return String(value);
  const kind =
    typeof value !== "object" ? typeof value : Array.isArray(value) ? "array" : (value.constructor?.name ?? "object");
  return `${/^[aeiou]/i.test(kind) ? "an" : "a"} ${kind}`;
}

/** The error for a name that is not an option, with the option it probably meant (`apikey` → `apiKey`). */
export function unknownOption(owner: string, name: string, known: readonly string[], what: string): OptionError {
  const lower = name.toLowerCase();
  const meant =
    lower.length > 2 &&
    known.find((k) => {
      const other = k.toLowerCase();
      return other.includes(lower) || lower.includes(other);
    });
  return new OptionError(owner, name, `is not an option of ${what}${meant ? `; did you mean "${meant}"?` : ""}`);
}

/** A whole-number option from `min` up to what a timer can hold. */
export function wholeNumber(owner: string, option: string, value: unknown, min: number): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > 2_147_483_647) {
    throw new OptionError(owner, option, `must be a whole number from ${min} to 2147483647`);
  }
  return value as number;
}
