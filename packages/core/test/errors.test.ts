import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ClienteleError,
  ConflictError,
  ConnectionError,
  errorClassFor,
  InBodyError,
  InternalServerError,
  InvalidInputError,
  NotFoundError,
  OptionError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  ResponseParseError,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
  UnauthorizedError,
  UnprocessableEntityError,
  UserAbortError,
} from "@clientele/core/runtime";
import { ops, SECRET, settle, testTransport } from "@clientele/testkit/harness";
import { json, networkError, scriptedFetch } from "@clientele/testkit/scripted-fetch";
import { describe, expect, test } from "vitest";
import { checkExchange } from "../src/validation/check-exchange.js";

/** Sends one GET answered by `response`, with no retries, and returns what it threw. */
async function failWith(response: Response) {
  const { fetch } = scriptedFetch(response);
  return settle(testTransport(fetch, { maxRetries: 0 }).send(ops.get, "/things/7", { q: "a b" }, undefined));
}

describe("a class per status", () => {
  test.each<[number, typeof ApiError]>([
    [400, BadRequestError],
    [401, UnauthorizedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
    [504, InternalServerError],
    [599, InternalServerError],
    [403, PermissionDeniedError],
    [405, ApiError],
    [408, ApiError],
    [418, ApiError],
  ])("%i → %o", async (status, kind) => {
    expect(errorClassFor(status)).toBe(kind);
    const error = await failWith(json({ code: "E1", detail: "nope" }, status));
    expect(error).toBeInstanceOf(kind);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(ClienteleError);
    const { name, message, operationId, method, url, body, headers } = error as ApiError;
    expect(name).toBe(kind.name);
    expect({ operationId, method, url, status: (error as ApiError).status }).toEqual({
      operationId: "getThing",
      method: "GET",
      url: "https://api.test/things/7?q=a%20b",
      status,
    });
    expect(body).toEqual({ code: "E1", detail: "nope" });
    expect(headers.get("content-type")).toBe("application/json; charset=utf-8");
    // The server's own reason (here its `detail`) stands in the message; the whole body stays on `body`.
    expect(message).toBe(`getThing: GET https://api.test/things/7?q=a%20b answered ${status}: nope`);
  });
});

describe("error bodies", () => {
  const page = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><h1>502 Bad Gateway</h1></body>\n</html>\n";

  test.each<[string, Response, unknown, string]>([
    [
      "an HTML error page keeps its text",
      new Response(page, { status: 502, headers: { "content-type": "text/html" } }),
      page,
      "<html> <head><title>502 Bad Gateway</title></head> <body><h1>502 Bad Gateway</h1></body> </html>",
    ],
    ["plain text", new Response("Service Unavailable", { status: 503 }), "Service Unavailable", "Service Unavailable"],
    [
      "JSON that does not parse stays text",
      new Response("{oops", { status: 400, headers: { "content-type": "application/json" } }),
      "{oops",
      "{oops",
    ],
    ["an empty body is undefined", new Response(null, { status: 404 }), undefined, ""],
  ])("%s", async (_, response, body, detail) => {
    const error = (await failWith(response)) as ApiError;
    expect(error).toBeInstanceOf(errorClassFor(response.status));
    expect(error.body).toEqual(body);
    expect(error.message).toBe(
      `getThing: GET https://api.test/things/7?q=a%20b answered ${response.status}${detail && `: ${detail}`}`,
    );
  });

  test("a long body is cut to 500 characters in the message but kept whole on the error", async () => {
    const long = "x".repeat(2_000);
    const error = (await failWith(new Response(long, { status: 500 }))) as ApiError;
    expect(error.body).toBe(long);
    expect(error.message.endsWith(`answered 500: ${"x".repeat(500)}`)).toBe(true);
  });
});

describe("the message says why: the server's reason first, then what the spec documents", () => {
  const hint = "The api-key does not match the environment in the URL.";
  const operation = { ...ops.get, hints: { 400: hint, 404: "No such thing." } };
  const at = "getThing: GET https://api.test/things/7";

  test.each<[string, { given: Response; want: string }]>([
    ["no body: the hint alone", { given: new Response(null, { status: 400 }), want: `${at} answered 400: ${hint}` }],
    [
      "a text body, then the hint",
      {
        given: new Response("Invalid api-key", { status: 400 }),
        want: `${at} answered 400: Invalid api-key — ${hint}`,
      },
    ],
    [
      "a JSON message field",
      { given: json({ message: "Key is for prod" }, 400), want: `${at} answered 400: Key is for prod — ${hint}` },
    ],
    [
      "a JSON error_message field",
      { given: json({ error: true, error_message: "Bad key" }, 400), want: `${at} answered 400: Bad key — ${hint}` },
    ],
    [
      "a JSON body without a reason field: its JSON",
      { given: json({ code: 7 }, 400), want: `${at} answered 400: {"code":7} — ${hint}` },
    ],
    [
      "a status the spec does not document: no hint",
      { given: new Response("teapot", { status: 418 }), want: `${at} answered 418: teapot` },
    ],
    [
      "another status, its own hint",
      { given: new Response(null, { status: 404 }), want: `${at} answered 404: No such thing.` },
    ],
  ])("%s", async (_, { given, want }) => {
    const { fetch } = scriptedFetch(given);
    const error = (await settle(
      testTransport(fetch, { maxRetries: 0 }).send(operation, "/things/7", undefined, undefined),
    )) as ApiError;
    expect(error.message).toBe(want);
    expect(error.hint).toBe(operation.hints[given.status as 400 | 404]);
  });

  test("the server's reason is redacted like the rest of the message", async () => {
    const { fetch } = scriptedFetch(json({ message: `key ${SECRET} is for prod` }, 400));
    const error = (await settle(
      testTransport(fetch, { maxRetries: 0 }).send(operation, "/things/7", undefined, undefined),
    )) as ApiError;
    expect(error.message).toBe(`${at} answered 400: key [redacted] is for prod — ${hint}`);
  });
});

describe("serialized errors", () => {
  test("ApiError.toJSON has every field but the Headers object", async () => {
    const error = (await failWith(json({ detail: "no" }, 409))) as ApiError;
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "ConflictError",
      message: "getThing: GET https://api.test/things/7?q=a%20b answered 409: no",
      status: 409,
      body: { detail: "no" },
      operationId: "getThing",
      method: "GET",
      url: "https://api.test/things/7?q=a%20b",
    });
  });

  test("ConnectionError carries the cause's messages and code, not the cause itself", async () => {
    const { fetch } = scriptedFetch(networkError("ECONNRESET", "read ECONNRESET"));
    const error = (await settle(
      testTransport(fetch, { maxRetries: 0 }).send(ops.create, "/things", undefined, { a: 1 }),
    )) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.code).toBe("ECONNRESET");
    expect(error.cause).toBeUndefined();
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "ConnectionError",
      message: "createThing: POST https://api.test/things failed: fetch failed: read ECONNRESET",
      operationId: "createThing",
      method: "POST",
      url: "https://api.test/things",
      code: "ECONNRESET",
    });
  });
});

describe("one base class", () => {
  test.each<[string, new (...args: never[]) => Error]>([
    ["ApiError", ApiError],
    ["BadRequestError", BadRequestError],
    ["UnauthorizedError", UnauthorizedError],
    ["PermissionDeniedError", PermissionDeniedError],
    ["NotFoundError", NotFoundError],
    ["ConflictError", ConflictError],
    ["UnprocessableEntityError", UnprocessableEntityError],
    ["RateLimitError", RateLimitError],
    ["InternalServerError", InternalServerError],
    ["ResponseValidationError", ResponseValidationError],
    ["ResponseParseError", ResponseParseError],
    ["InBodyError", InBodyError],
    ["ResponseTooLargeError", ResponseTooLargeError],
    ["RedirectError", RedirectError],
    ["ConnectionError", ConnectionError],
    ["TimeoutError", TimeoutError],
    ["UserAbortError", UserAbortError],
    ["OptionError", OptionError],
    ["InvalidInputError", InvalidInputError],
    ["PaginationError", PaginationError],
  ])("%s extends ClienteleError", (_, kind) => {
    expect(kind.prototype).toBeInstanceOf(ClienteleError);
  });

  test("the Stainless names are the same classes", () => {
    expect([APIError, AuthenticationError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError]).toEqual([
      ApiError,
      UnauthorizedError,
      ConnectionError,
      TimeoutError,
      UserAbortError,
    ]);
  });
});

describe("a check of responses against validators of another API", () => {
  test("is an OptionError naming the operation and the validators option, not a bare Error", () => {
    const check = () => checkExchange({}, { operationId: "getThing", status: 200, headers: new Headers(), body: {} });
    expect(check).toThrow(OptionError);
    expect(check).toThrow('getThing: no validator for operation "getThing": the validators belong to another API');
  });
});
