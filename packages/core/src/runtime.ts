// What generated code (operations, factories, validators), the provider packages and the drift CLI need from core:
// the user surface plus the machinery they call. Nothing is exported here only for a test: core's own tests import
// such things from the module that defines them. test/exports.test.ts keeps this list in a snapshot for review.
export { basicCredential } from "./auth.js";
export type { BodyEncoder } from "./call-options.js";
export { jsonBody } from "./call-options.js";
export { STANDARD_CREDENTIAL_HEADERS } from "./credential-headers.js";
export type { BodyCheck } from "./error-flag.js";
export { errorFlag } from "./error-flag.js";
export type { ApiErrorInit, CallInfo } from "./errors.js";
export { errorClassFor } from "./errors.js";
export * from "./index.js";
export type { TransportSetup } from "./options.js";
export { checkOptionNames, createTransport, optionalCount, requireOneOf, requireString } from "./options.js";
export { paginateByOffset } from "./paginate.js";
export { pathParam, queryString } from "./query.js";
export type { RateLimitHeaders, RateLimiting, RateLimitReader, Release } from "./rate-limit.js";
export { rateLimiting } from "./rate-limit.js";
export type { RawClient } from "./raw.js";
export { createRawClient } from "./raw.js";
export type { Redactor } from "./redact.js";
export { createRedactor } from "./redact.js";
export type { Operation, TransportSettings } from "./transport.js";
export { send, Transport } from "./transport.js";
export type { JsonBody, PathOf, QueryOf, SuccessBody } from "./types.js";
export type { Exchange, ResponseSpec, ResponseSpecs } from "./validation/check-exchange.js";
export { checkExchange } from "./validation/check-exchange.js";
export type { Check, Drift } from "./validation/drift.js";
export type { ValidationHook } from "./validation/validators.js";
export { defineValidators } from "./validation/validators.js";
