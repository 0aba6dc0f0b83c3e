// The user surface: what a provider package re-exports to its users (errors to catch, types to annotate with,
// helpers to call). Generated code imports `@clientele/core/runtime` instead.
export { formatDateTime } from "./date-time.js";
export {
  ApiError,
  /** The Stainless name (openai-node, anthropic-sdk-typescript) of `ApiError`. */
  ApiError as APIError,
  BadRequestError,
  ClienteleError,
  ConflictError,
  ConnectionError,
  /** The Stainless name of `ConnectionError`. */
  ConnectionError as APIConnectionError,
  InBodyError,
  InternalServerError,
  InvalidInputError,
  NotFoundError,
  OptionError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  /** The Stainless name of `TimeoutError`. */
  TimeoutError as APIConnectionTimeoutError,
  UnauthorizedError,
  /** The Stainless name of `UnauthorizedError` (401). */
  UnauthorizedError as AuthenticationError,
  UnprocessableEntityError,
  UserAbortError,
  /** The Stainless name of `UserAbortError`. */
  UserAbortError as APIUserAbortError,
} from "./errors.js";
export type { LogLevel } from "./log-level.js";
export { consoleLogger } from "./log-level.js";
export type { LogEvent, Logger } from "./logger.js";
export type { ClientOptions } from "./options.js";
export type { PagePromise } from "./paginate.js";
export { PaginationError } from "./paginate.js";
export type { ApiPromise, ApiResult, FetchLike, RequestOptions } from "./transport.js";
export type { BodyRequestOptions, ExtraBody, Forbidden, RateLimit } from "./types.js";
export type { DriftKind, DriftReport } from "./validation/drift.js";
export { ResponseValidationError } from "./validation/response-validation-error.js";
export type { ValidateMode, Validators } from "./validation/validators.js";
