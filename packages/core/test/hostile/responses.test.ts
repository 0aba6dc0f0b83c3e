// Servers whose 2xx is no success: truncated JSON or gzip, HTML pages, empty bodies, an in-body error flag, a page
// that does not say whether another follows. Each row: what the caller saw, and what reached the server.
import { gzipSync } from "node:zlib";
import {
  ApiError,
  ConnectionError,
  InBodyError,
  type Operation,
  PaginationError,
  ResponseParseError,
} from "@clientele/core/runtime";
import { SECRET, settle, testTransport } from "@clientele/testkit/harness";
import { describe, expect, test } from "vitest";
import { createCycleSoftwareClient, createOnlinewerkroosterClient } from "../support/providers.js";
import { type UntypedClients, untypedClients } from "./support/clients.js";
import { type Answer, hostileServers, inTurn, reply } from "./support/server.js";

const serve = hostileServers();

const getJson: Operation = { id: "getThing", method: "GET", idempotent: true, json: true };
const createJson: Operation = { id: "createThing", method: "POST", idempotent: false, json: true };
const upsertNoBody: Operation = { id: "upsertThing", method: "POST", idempotent: true };

const page = JSON.stringify({ customers: Array.from({ length: 50 }, (_, i) => ({ customer_id: i + 1 })) });
const half = page.slice(0, page.length >> 1);
const gzipped = gzipSync(page);

/** A body sent exactly as given, with its true content length. */
const raw = (body: string | Buffer, headers: Record<string, string> = {}): Answer => {
  return (_, response) => {
    response.writeHead(200, { "content-type": "application/json", "content-length": body.length, ...headers });
    response.write(body);
    response.end();
  };
};

interface Given {
  answer: Answer;
  operation: Operation;
  body?: unknown;
  maxRetries?: number;
}
interface Want {
  /** The class the call rejects with, or undefined when it resolves to `data`. */
  error?: new (
    ...args: never[]
  ) => Error;
  message?: RegExp;
  data?: unknown;
  status?: number;
  /** What `error.body` must match. */
  body?: RegExp;
  /** The requests that reached the server. */
  requests: number;
}

describe("a 2xx that is not a success, through core", () => {
  test.each<[string, { given: Given; want: Want }]>([
    [
      "truncated JSON (true content length) on a GET: a ResponseParseError, retried like a broken connection",
      {
        given: { answer: raw(half), operation: getJson, maxRetries: 1 },
        want: { error: ResponseParseError, status: 200, body: /^\{"customers"/, requests: 2 },
      },
    ],
    [
      "truncated JSON on a non-idempotent POST: a ResponseParseError, never sent twice",
      {
        given: { answer: raw(half), operation: createJson, body: { name: "a" }, maxRetries: 2 },
        want: {
          error: ResponseParseError,
          message: /createThing: POST .* answered 200 with a body that is not the JSON/,
          requests: 1,
        },
      },
    ],
    [
      "truncated gzip: fetch inflates what came, the JSON is cut short",
      {
        given: {
          answer: raw(gzipped.subarray(0, gzipped.length >> 1), { "content-encoding": "gzip" }),
          operation: createJson,
          body: {},
        },
        want: { error: ResponseParseError, status: 200, requests: 1 },
      },
    ],
    [
      "an HTML page with a 200 (a captive portal, a proxy's login page) where the spec promises JSON",
      {
        given: {
          answer: raw("<html><body>Please log in</body></html>", { "content-type": "text/html" }),
          operation: createJson,
          body: {},
        },
        want: { error: ResponseParseError, body: /^<html><body>Please log in/, message: /Please log in/, requests: 1 },
      },
    ],
    [
      "an HTML page labelled JSON on an operation that promises no body",
      {
        given: { answer: raw("<html>oops</html>"), operation: upsertNoBody, body: {}, maxRetries: 0 },
        want: { error: ResponseParseError, requests: 1 },
      },
    ],
    [
      "an empty 200 where the spec promises JSON",
      {
        given: { answer: raw(""), operation: createJson, body: {} },
        want: {
          error: ResponseParseError,
          message: /answered 200 with an empty body where JSON is due/,
          requests: 1,
        },
      },
    ],
    [
      "an empty 200 where the spec promises no body is a success (control row)",
      { given: { answer: raw(""), operation: upsertNoBody, body: {} }, want: { data: undefined, requests: 1 } },
    ],
    [
      "a body shorter than its content length: the connection breaks, a ConnectionError, the POST not repeated",
      {
        given: {
          answer: (_, response) => {
            response.writeHead(200, { "content-type": "application/json", "content-length": page.length });
            response.write(half);
            setTimeout(() => response.destroy(), 20);
          },
          operation: createJson,
          body: {},
          maxRetries: 2,
        },
        want: { error: ConnectionError, requests: 1 },
      },
    ],
    [
      "a page that echoes the credential: the body kept on the error is redacted",
      {
        given: {
          answer: (request, response) => {
            response.writeHead(200, { "content-type": "text/html" });
            response.end(`<p>you sent ${request.headers.authorization}</p>`);
          },
          operation: createJson,
          body: {},
        },
        want: { error: ResponseParseError, body: /^<p>you sent Bearer \[redacted\]<\/p>$/, requests: 1 },
      },
    ],
  ])("%s", async (_, { given, want }) => {
    const server = await serve(given.answer);
    const transport = testTransport(globalThis.fetch, { baseUrl: server.url, maxRetries: given.maxRetries ?? 0 });
    const outcome = await settle(transport.send(given.operation, "/things", undefined, given.body));
    if (want.error) {
      expect(outcome).toBeInstanceOf(want.error);
      const error = outcome as ApiError;
      if (want.message) expect(error.message).toMatch(want.message);
      if (want.status !== undefined) expect(error.status).toBe(want.status);
      if (want.body) expect(error.body).toMatch(want.body);
      expect(JSON.stringify(error)).not.toContain(SECRET);
    } else {
      expect(outcome).toEqual(want.data);
    }
    expect(server.received).toHaveLength(want.requests);
  });
});

const customerList = (ids: number[], nextOffset: number | null) => ({
  error: false,
  error_message: null,
  customers: ids.map((customer_id) => ({ customer_id })),
  pagination: { count: ids.length, next_offset: nextOffset },
});

describe("the CycleSoftware-shaped client: an error flag or a broken page is never the last page", () => {
  test.each<[string, { given: { page2: Answer }; want: { error: new (...args: never[]) => Error; message: RegExp } }]>([
    [
      "page 2 says error: true (x-error-flag): an InBodyError with error_message",
      {
        given: {
          page2: reply(200, {
            error: true,
            error_message: "Database offline",
            customers: [],
            pagination: { count: 0, next_offset: null },
          }),
        },
        want: {
          error: InBodyError,
          message:
            /listCustomers: GET .*offset=2 answered 200 but its body reports an error \(error: true\): Database offline/,
        },
      },
    ],
    [
      "page 2 is an empty string",
      {
        given: { page2: reply(200, "") },
        want: { error: ResponseParseError, message: /empty body where JSON is due/ },
      },
    ],
    [
      "page 2 is cut in half",
      {
        given: { page2: reply(200, JSON.stringify(customerList([3, 4], 4)).slice(0, 40)) },
        want: { error: ResponseParseError, message: /not the JSON expected/ },
      },
    ],
    [
      "page 2 has no pagination",
      {
        given: { page2: reply(200, { error: false, customers: [{ customer_id: 3 }] }) },
        want: {
          error: PaginationError,
          message: /^listCustomers: the page at offset 2 has no next offset \(none\), and only null ends a listing/,
        },
      },
    ],
    [
      "page 2's next_offset is a string",
      {
        given: { page2: reply(200, { customers: [{ customer_id: 3 }], pagination: { count: 1, next_offset: "4" } }) },
        want: { error: PaginationError, message: /has no next offset \("4"\)/ },
      },
    ],
  ])("%s", async (_, { given, want }) => {
    const server = await serve(inTurn(reply(200, customerList([1, 2], 2)), given.page2));
    const cycle = createCycleSoftwareClient({
      username: "u-name",
      password: "pw-123",
      baseUrl: server.url,
      maxRetries: 0,
    });
    const copied: unknown[] = [];
    const outcome = await settle(
      (async () => {
        for await (const customer of cycle.listCustomers()) copied.push(customer.customer_id);
      })(),
    );
    expect(outcome).toBeInstanceOf(want.error);
    expect((outcome as Error).message).toMatch(want.message);
    if (outcome instanceof InBodyError) expect(outcome.errorMessage).toBe("Database offline");
    // The first page's customers came through, none of the broken page's, and nothing was taken for a last page.
    expect(copied).toEqual([1, 2]);
    expect(server.received.map((r) => r.url)).toEqual([
      "/api/v1/customers/list.json",
      "/api/v1/customers/list.json?offset=2",
    ]);
  });

  test("an error flag on the first page rejects the awaited page too, and is not retried", async () => {
    const server = await serve(reply(200, { error: true, error_message: "Invalid modified_since" }));
    const cycle = createCycleSoftwareClient({ username: "u-name", password: "pw-123", baseUrl: server.url });
    const error = await settle(cycle.listCustomers({ modified_since: "2023-01-12 12:30:00" }));
    expect(error).toBeInstanceOf(InBodyError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, errorMessage: "Invalid modified_since", operationId: "listCustomers" });
    expect(server.received).toHaveLength(1);
  });

  test("error: false is a success (control row)", async () => {
    const server = await serve(reply(200, customerList([1], null)));
    const cycle = createCycleSoftwareClient({ username: "u-name", password: "pw-123", baseUrl: server.url });
    expect(await cycle.listCustomers()).toEqual(customerList([1], null));
  });
});

describe("the Onlinewerkrooster-shaped client", () => {
  test("a createCustomer answered with an HTML 200 rejects, and is sent once", async () => {
    const server = await serve(raw("<!doctype html><title>Maintenance</title>", { "content-type": "text/html" }));
    const client = createOnlinewerkroosterClient({
      apiKey: "AK-secret-1",
      customerKey: "CK-secret-1",
      environment: "dev",
      baseUrl: server.url,
      maxRetries: 2,
    });
    const error = await settle(client.createCustomer({ name: "Ola" } as never));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({ status: 200, operationId: "createCustomer" });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.method).toBe("POST");
  });
});

describe("every generated operation whose spec promises JSON: an empty or cut-short 200 rejects, sent once", () => {
  const calls: [string, (c: UntypedClients) => Promise<unknown>][] = [
    ["Cubit getCustomer", (c) => c.cubit.getCustomer("1")],
    ["Cubit getPlant", (c) => c.cubit.getPlant("P1")],
    ["Onlinewerkrooster createCustomer (non-idempotent)", (c) => c.owr.createCustomer({ name: "x" })],
    ["Cube4sales listCustomers", (c) => c.cube.listCustomers({ assignment_id: 9 })],
    ["CycleSoftware createCustomer (non-idempotent)", (c) => c.cycle.createCustomer({ name: "x" })],
    ["CycleSoftware findCustomers", (c) => c.cycle.findCustomers({ email: "a@b.test" })],
    ["CycleSoftware getCustomer", (c) => c.cycle.getCustomer(1)],
    ["CycleSoftware updateCustomer", (c) => c.cycle.updateCustomer(1, { name: "x" })],
  ];
  const bodies: [string, string, RegExp][] = [
    ["empty", "", /answered 200 with an empty body where JSON is due$/],
    [
      "cut short",
      '{"customer_id":1,"name":"Ola',
      /answered 200 with a body that is not the JSON expected: \{"customer_id":1,"name":"Ola$/,
    ],
  ];
  test.each(
    calls.flatMap(([name, call]) =>
      bodies.map(([how, body, message]) => [`${name}, ${how}`, { call, body, message }] as const),
    ),
  )("%s", async (_, { call, body, message }) => {
    // Retries allowed: an idempotent call may try again, and must still reject in the end.
    const server = await serve(raw(body));
    const error = await settle(call(untypedClients(server.url, { maxRetries: 1 })));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({ status: 200, body });
    expect((error as Error).message).toMatch(message);
    const { method } = server.received[0] ?? {};
    expect(server.received).toHaveLength(method === "POST" ? 1 : 2);
  });
});
