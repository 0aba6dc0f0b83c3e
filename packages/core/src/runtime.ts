// What generated code (operations, factories, validators) needs from core: the user surface and the machinery.
export { basicCredential } from "./auth.js";
export type { BodyEncoder } from "./call-options.js";
export { jsonBody } from "./call-options.js";
export type { BodyCheck } from "./error-flag.js";
export { errorFlag } from "./error-flag.js";
export type { ApiErrorInit, CallInfo } from "./errors.js";
export { errorClassFor, kindOf, wholeNumber } from "./errors.js";
export * from "./index.js";
export type { TransportSetup } from "./options.js";
export {
  checkOptionNames,
  createTransport,
  DEFAULT_MAX_RESPONSE_BYTES,
  optionalCount,
  requireOneOf,
  requireString,
} from "./options.js";
export { paginateByOffset } from "./paginate.js";
export { encodeQuery, pathParam, queryString } from "./query.js";
export type { RateLimitHeaders, RateLimiting, RateLimitReader, Release } from "./rate-limit.js";
export { minuteLimiter, rateLimiting, rateLimitReader } from "./rate-limit.js";
export type { RawClient } from "./raw.js";
export { createRawClient } from "./raw.js";
export type { Redactor } from "./redact.js";
export { createRedactor, MIN_MASKED_SUBSTRING, MIN_MASKED_WORD } from "./redact.js";
export { MAX_REDIRECTS } from "./redirect.js";
export { backoffDelay, RETRY_AFTER_LIMIT_MS, RETRY_BASE_MS, RETRY_CAP_MS, retryAfterDelay } from "./retry-policy.js";
export type { Operation, TransportSettings } from "./transport.js";
export { send, Transport } from "./transport.js";
export type { JsonBody, PathOf, QueryOf, SuccessBody } from "./types.js";
export type { Exchange, ResponseSpec, ResponseSpecs } from "./validation/check-exchange.js";
export { checkExchange } from "./validation/check-exchange.js";
export type { Check } from "./validation/drift.js";
export { Drift, pointerPart } from "./validation/drift.js";
export type { ValidationHook } from "./validation/validators.js";
export { defineValidators } from "./validation/validators.js";
