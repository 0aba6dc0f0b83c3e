// What a provider package re-exports to its users: errors to catch and types to annotate with.
export {
  ApiError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InBodyError,
  InternalServerError,
  InvalidInputError,
  NotFoundError,
  OptionError,
  RateLimitError,
  RedirectError,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  UnauthorizedError,
  UnprocessableEntityError,
} from "./errors.js";
export type { LogEvent, Logger } from "./logger.js";
export type { ClientOptions } from "./options.js";
export type { PagePromise } from "./paginate.js";
export { PaginationError } from "./paginate.js";
export type { RateLimit } from "./rate-limit.js";
export type { ApiPromise, ApiResult, FetchLike, RequestOptions } from "./transport.js";
export type { BodyRequestOptions, ExtraBody, Forbidden } from "./types.js";
