import type { RateLimit } from "./rate-limit.js";

export interface ApiErrorInit {
  status: number;
  headers: Headers;
  body: unknown;
  operationId: string;
  method: string;
  url: string;
  rateLimit?: RateLimit | undefined;
}

/** A response with a non-2xx status. `url` and `body` are already redacted. */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly operationId: string;
  readonly method: string;
  readonly url: string;
  readonly rateLimit: RateLimit | undefined;

  constructor(init: ApiErrorInit, message = describe(init)) {
    super(message);
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.operationId = init.operationId;
    this.method = init.method;
    this.url = init.url;
    this.rateLimit = init.rateLimit;
  }

  toJSON() {
    const { name, message, status, body, operationId, method, url, rateLimit } = this;
    return { name, message, status, body, operationId, method, url, rateLimit };
  }
}

function describe({ status, method, url, operationId, body }: ApiErrorInit): string {
  const detail = typeof body === "string" ? body : body === undefined ? "" : JSON.stringify(body);
  return `${operationId}: ${method} ${url} answered ${status}${detail ? `: ${detail.slice(0, 500)}` : ""}`;
}

export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}
export class UnauthorizedError extends ApiError {
  override name = "UnauthorizedError";
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
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
}
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
}

const byStatus: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: UnauthorizedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

export function errorClassFor(status: number): typeof ApiError {
  return byStatus[status] ?? (status >= 500 ? InternalServerError : ApiError);
}

/** No response arrived: the connection failed or was reset. */
export class ConnectionError extends Error {
  override name = "ConnectionError";
  readonly operationId: string;
  readonly method: string;
  readonly url: string;
  constructor(operationId: string, method: string, url: string, cause: unknown, reason = "connection failed") {
    super(`${operationId}: ${method} ${url} ${reason}${cause instanceof Error ? ` (${cause.message})` : ""}`, {
      cause,
    });
    this.operationId = operationId;
    this.method = method;
    this.url = url;
  }
  toJSON() {
    const { name, message, operationId, method, url } = this;
    return { name, message, operationId, method, url };
  }
}

/** An attempt took longer than the `timeout` option allows. */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
}
