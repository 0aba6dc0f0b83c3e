import {
  ApiError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  errorClassFor,
  InternalServerError,
  NotFoundError,
  OptionError,
  PaginationError,
  RateLimitError,
  TimeoutError,
  UnauthorizedError,
  UnprocessableEntityError,
} from "@clientele/core";
import { describe, expect, test } from "vitest";
import * as cube4sales from "../../cube4sales/src/index.js";
import * as cubit from "../../cubit/src/index.js";
import * as cyclesoftware from "../../cyclesoftware/src/index.js";
import * as onlinewerkrooster from "../../onlinewerkrooster/src/index.js";
import { ops, settle, testTransport } from "./support/harness.js";
import { json, networkError, scriptedFetch } from "./support/scripted-fetch.js";

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
    [403, ApiError],
    [405, ApiError],
    [408, ApiError],
    [418, ApiError],
  ])("%i → %o", async (status, kind) => {
    expect(errorClassFor(status)).toBe(kind);
    const error = await failWith(json({ code: "E1", detail: "nope" }, status));
    expect(error).toBeInstanceOf(kind);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
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
    expect(message).toBe(
      `getThing: GET https://api.test/things/7?q=a%20b answered ${status}: {"code":"E1","detail":"nope"}`,
    );
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

describe("serialized errors", () => {
  test("ApiError.toJSON has every field but the Headers object", async () => {
    const error = (await failWith(json({ detail: "no" }, 409))) as ApiError;
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "ConflictError",
      message: 'getThing: GET https://api.test/things/7?q=a%20b answered 409: {"detail":"no"}',
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

describe("exported from core and from every provider package", () => {
  const classes = {
    ApiError,
    BadRequestError,
    UnauthorizedError,
    NotFoundError,
    ConflictError,
    UnprocessableEntityError,
    RateLimitError,
    InternalServerError,
    ConnectionError,
    TimeoutError,
    OptionError,
    PaginationError,
  };
  test.each([
    ["cubit", { ...cubit }],
    ["onlinewerkrooster", { ...onlinewerkrooster }],
    ["cube4sales", { ...cube4sales }],
    ["cyclesoftware", { ...cyclesoftware }],
  ])("%s re-exports the very same classes", (_, provider: Record<string, unknown>) => {
    for (const [name, kind] of Object.entries(classes)) expect(provider[name], name).toBe(kind);
  });
});
