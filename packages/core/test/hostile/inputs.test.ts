// Inputs from plain JavaScript, through clients built like the generated ones (support/providers.ts) to a real server: every bad input rejects the call's
// promise with an error naming the operation and the input, and nothing reaches the server.
import { ClienteleError, InvalidInputError, OptionError } from "@clientele/core/runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { outcome, type UntypedClients, untypedClients } from "./support/clients.js";
import { type HostileServer, reply, startHostileServer } from "./support/server.js";

let server: HostileServer;
let clients: UntypedClients;
beforeAll(async () => {
  server = await startHostileServer(reply(200, {}));
  clients = untypedClients(server.url, { headers: { "x-tenant": "north" } });
});
afterAll(() => server.close());
beforeEach(() => server.answerWith(reply(200, {})));

const circular: Record<string, unknown> = { Number: "1" };
circular.self = circular;

interface Refusal {
  given: (c: UntypedClients) => Promise<unknown>;
  want: { error: typeof OptionError; option: string; message: string };
}

const refused: [string, Refusal][] = [
  // Path parameters
  ...(
    [
      ["undefined", undefined, "undefined"],
      ["null", null, "null"],
      ["NaN", Number.NaN, "NaN"],
      ["Infinity", Number.POSITIVE_INFINITY, "Infinity"],
      ["an object", { id: 1 }, "an Object"],
      ["a Date", new Date(0), "a Date"],
      ["a symbol", Symbol("id"), "a symbol"],
      ["a boolean", true, "true"],
      ["an array", ["1"], "an array"],
      ["a bigint", 7n, "a bigint"],
    ] as const
  ).map(([name, value, got]): [string, Refusal] => [
    `path parameter: ${name}`,
    {
      given: (c) => c.cubit.deleteCustomer(value),
      want: {
        error: InvalidInputError,
        option: "number",
        message: `deleteCustomer: path parameter "number" must be a string or a finite number; got ${got}`,
      },
    },
  ]),
  [
    "path parameter: NaN (CycleSoftware)",
    {
      given: (c) => c.cycle.updateCustomer(Number.NaN, { email: "a@b.test" }),
      want: {
        error: InvalidInputError,
        option: "customer_id",
        message: 'updateCustomer: path parameter "customer_id" must be a string or a finite number; got NaN',
      },
    },
  ],
  [
    'path parameter: ".." (Cube4sales)',
    {
      given: (c) => c.cube.updateCustomer("..", { name: "x" }),
      want: {
        error: InvalidInputError,
        option: "customer_id",
        message: 'updateCustomer: path parameter "customer_id" must not be "..": it would address another resource',
      },
    },
  ],
  // Bodies
  ...(
    [
      ["null", null, "null"],
      ["a string", '{"Number":"1"}', "a string"],
      ["a number", 42, "42"],
      ["an array", [{ Number: "1" }], "an array"],
      ["a Map", new Map([["Number", "1"]]), "a Map"],
      ["a Set", new Set(["1"]), "a Set"],
      ["a Date", new Date(0), "a Date"],
      ["a function", () => ({ Number: "1" }), "a function"],
    ] as const
  ).map(([name, value, got]): [string, Refusal] => [
    `body: ${name}`,
    {
      given: (c) => c.cubit.upsertCustomer(value),
      want: { error: InvalidInputError, option: "body", message: `upsertCustomer: body must be an object; got ${got}` },
    },
  ]),
  [
    "body: missing (Onlinewerkrooster)",
    {
      given: (c) => c.owr.createCustomer(),
      want: { error: InvalidInputError, option: "body", message: "createCustomer: body is required: an object" },
    },
  ],
  [
    "body: missing after the path parameter (CycleSoftware)",
    {
      given: (c) => c.cycle.updateCustomer(1006),
      want: { error: InvalidInputError, option: "body", message: "updateCustomer: body is required: an object" },
    },
  ],
  [
    "body: an array (Cube4sales)",
    {
      given: (c) => c.cube.createCustomer([]),
      want: {
        error: InvalidInputError,
        option: "body",
        message: "createCustomer: body must be an object; got an array",
      },
    },
  ],
  [
    "body field: a Set, which JSON sends as {}",
    {
      given: (c) => c.cycle.createCustomer({ email: "a@b.test", tags: new Set(["vip"]) }),
      want: {
        error: InvalidInputError,
        option: "body.tags",
        message: 'createCustomer: body field "tags" is a Set, which JSON cannot carry: it would arrive as {}',
      },
    },
  ],
  [
    "body field: NaN, which JSON sends as null",
    {
      given: (c) => c.cube.createCustomer({ customer_id: 1, assignment_id: Number.NaN }),
      want: {
        error: InvalidInputError,
        option: "body.assignment_id",
        message: 'createCustomer: body field "assignment_id" is NaN, which JSON cannot carry: it would arrive as null',
      },
    },
  ],
  [
    "body: a cycle without toJSON",
    {
      given: (c) => c.cubit.upsertCustomer(circular),
      want: {
        error: InvalidInputError,
        option: "body",
        message: "upsertCustomer: body cannot be sent as JSON: Converting circular structure to JSON",
      },
    },
  ],
  [
    "body field: a bigint",
    {
      given: (c) => c.cubit.upsertCustomer({ Number: 1n }),
      want: { error: InvalidInputError, option: "body", message: "upsertCustomer: body cannot be sent as JSON" },
    },
  ],
  // Queries
  [
    "query: a string in place of the object",
    {
      given: (c) => c.cycle.findCustomers("email@example.test"),
      want: {
        error: InvalidInputError,
        option: "query",
        message: "findCustomers: query must be an object of query parameters; got a string",
      },
    },
  ],
  [
    "query: a string in place of the object, on a paginated list",
    {
      given: (c) => c.cycle.listCustomers("email"),
      want: {
        error: InvalidInputError,
        option: "query",
        message: "listCustomers: query must be an object of query parameters; got a string",
      },
    },
  ],
  [
    "query: an array in place of the object",
    {
      given: (c) => c.cube.listCustomers([9]),
      want: {
        error: InvalidInputError,
        option: "query",
        message: "listCustomers: query must be an object of query parameters; got an array",
      },
    },
  ],
  [
    "query field: a Date, which has no text form the API reads",
    {
      given: (c) => c.cycle.listCustomers({ modified_since: new Date(0) }),
      want: {
        error: InvalidInputError,
        option: "query.modified_since",
        message:
          'listCustomers: query parameter "modified_since" must be text, not a Date (whose own text and time zone are not the API\'s): format it, e.g. formatDateTime(date, { timeZone }) for "YYYY-MM-DD HH:MM:SS"',
      },
    },
  ],
  [
    "query field: an array holding a Date",
    {
      given: (c) => c.cycle.findCustomers({ email: ["a@b.test", new Date(0)] }),
      want: {
        error: InvalidInputError,
        option: "query.email",
        message: 'findCustomers: query parameter "email" must be text, not a Date',
      },
    },
  ],
  ...(
    [
      ["a nested object", { $gt: "2023-01-01" }, "an Object"],
      ["a function", () => "2023-01-01", "a function"],
      ["NaN", Number.NaN, "NaN"],
      ["an array holding an object", ["2023-01-01", { at: 1 }], "an Object"],
    ] as const
  ).map(([name, value, got]): [string, Refusal] => [
    `query field: ${name}`,
    {
      given: (c) => c.cycle.listCustomers({ modified_since: value }),
      want: {
        error: InvalidInputError,
        option: "query.modified_since",
        message: `listCustomers: query parameter "modified_since" must be a string, a finite number or a boolean (or an array of them); got ${got}`,
      },
    },
  ]),
  // Per-call options
  [
    "options: a misspelt name",
    {
      given: (c) => c.cubit.getCustomer("1", { timeoutMs: 5 }),
      want: {
        error: OptionError,
        option: "timeoutMs",
        message: 'getCustomer: option "timeoutMs" is not an option of a call; did you mean "timeout"?',
      },
    },
  ],
  [
    "options: an unknown name",
    {
      given: (c) => c.cycle.getCustomer(1, { retries: 1 }),
      want: {
        error: OptionError,
        option: "retries",
        message: 'getCustomer: option "retries" is not an option of a call',
      },
    },
  ],
  [
    "options: a string",
    {
      given: (c) => c.owr.createCustomer({ name: "x" }, "fast"),
      want: {
        error: OptionError,
        option: "options",
        message: 'createCustomer: option "options" must be an object; got a string',
      },
    },
  ],
  ...(
    [
      ["signal", "abort", 'option "signal" must be an AbortSignal; got a string'],
      ["signal", { aborted: false }, 'option "signal" must be an AbortSignal; got an Object'],
      ["headers", "x-trace: 1", 'option "headers" must be an object of header names to string values'],
      ["headers", [["x-trace", "1"]], 'option "headers" must be an object of header names to string values'],
      ["headers", new Headers({ "x-trace": "1" }), 'option "headers" must be an object of header names'],
      ["timeout", "5000", 'option "timeout" must be a whole number from 1 to 2147483647'],
      ["timeout", 0, 'option "timeout" must be a whole number from 1 to 2147483647'],
      ["maxRetries", -1, 'option "maxRetries" must be a whole number from 0 to 2147483647'],
      ["maxRetries", Number.POSITIVE_INFINITY, 'option "maxRetries" must be a whole number'],
    ] as const
  ).map(([option, value, message]): [string, Refusal] => [
    `options: ${option} of the wrong type (${typeof value === "object" ? value.constructor.name : JSON.stringify(value)})`,
    {
      given: (c) => c.cubit.getCustomer("1", { [option]: value }),
      want: { error: OptionError, option, message: `getCustomer: ${message}` },
    },
  ]),
  ...(
    [
      ["a number", 5],
      ["a boolean", true],
      ["an object", { value: "1" }],
      ["a line break (header injection)", "1\r\nX-Injected: yes"],
      ["a character beyond Latin-1", "Łódź"],
    ] as const
  ).map(([name, value]): [string, Refusal] => [
    `header value: ${name}`,
    {
      given: (c) => c.cycle.getCustomer(1, { headers: { "x-trace": value } }),
      want: {
        error: OptionError,
        option: "headers.x-trace",
        message: 'getCustomer: option "headers.x-trace" must be a string without line breaks or non-Latin-1 characters',
      },
    },
  ]),
  // extraBody
  ...(
    [
      ["a string", "Tier=gold", "a string"],
      ["null", null, "null"],
      ["an array", [["Tier", "gold"]], "an array"],
      ["a Map", new Map([["Tier", "gold"]]), "a Map"],
    ] as const
  ).map(([name, value, got]): [string, Refusal] => [
    `extraBody: not an object: ${name}`,
    {
      given: (c) => c.cubit.upsertCustomer({ Number: "42" }, { extraBody: value }),
      want: {
        error: OptionError,
        option: "extraBody",
        message: `upsertCustomer: option "extraBody" must be an object of body fields; got ${got}`,
      },
    },
  ]),
  [
    "extraBody: a field the body also holds: which one is meant is not guessed",
    {
      given: (c) => c.cubit.upsertCustomer({ Number: "42" }, { extraBody: { Number: "43" } }),
      want: {
        error: OptionError,
        option: "extraBody.Number",
        message: 'upsertCustomer: option "extraBody.Number" is also a field of the body: set it in one place',
      },
    },
  ],
  [
    "extraBody: on a call without a body",
    {
      given: (c) => c.cubit.getCustomer("42", { extraBody: { Tier: "gold" } }),
      want: {
        error: OptionError,
        option: "extraBody",
        message: 'getCustomer: option "extraBody" adds fields to a JSON body, and getCustomer sends none',
      },
    },
  ],
  [
    "extraBody: a value JSON cannot carry",
    {
      given: (c) => c.cube.createCustomer({ customer_id: 1, assignment_id: 9 }, { extraBody: { Score: Number.NaN } }),
      want: {
        error: OptionError,
        option: "extraBody.Score",
        message: 'createCustomer: extraBody field "Score" is NaN, which JSON cannot carry: it would arrive as null',
      },
    },
  ],
  [
    "header name: not a token",
    {
      given: (c) => c.cube.listCustomers({ assignment_id: 9 }, { headers: { "x trace\r\n": "1" } }),
      want: {
        error: OptionError,
        option: "headers",
        message: 'listCustomers: option "headers" has an invalid name "x trace\\r\\n"',
      },
    },
  ],
];

describe("bad input from plain JavaScript is refused before anything is sent", () => {
  test.each(refused)("%s", async (_, { given, want }) => {
    const { threw, rejected } = await outcome(() => given(clients));
    // A rejection, never a synchronous throw: `.catch()` and `Promise.allSettled` see every failure.
    expect(threw).toBeUndefined();
    expect(rejected).toBeInstanceOf(want.error);
    expect(rejected).toBeInstanceOf(ClienteleError);
    const error = rejected as OptionError;
    expect(error.name).toBe(want.error.name);
    expect(error.option).toBe(want.option);
    expect(error.message.startsWith(want.message), error.message).toBe(true);
    // Only one line, whatever the input held.
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message).not.toContain("X-Injected");
    expect(server.received).toEqual([]);
  });
});

/** A record of an ORM: its JSON form is the row, and it points back at its parent, which lists it. */
class CustomerRecord {
  parent: { children: CustomerRecord[] } = { children: [] };
  constructor(readonly row: Record<string, unknown>) {
    this.parent.children.push(this);
  }
  toJSON() {
    return this.row;
  }
}

interface Acceptance {
  given: (c: UntypedClients) => Promise<unknown>;
  /** What the server must have received: the request target and headers / body it must (not) hold. */
  want: { target: string; headers?: Record<string, string | undefined>; body?: unknown };
}

const accepted: [string, Acceptance][] = [
  [
    "header undefined: the client's header stays (not sent as the text undefined)",
    {
      given: (c) => c.cubit.getCustomer("1", { headers: { "x-tenant": undefined, "x-trace": undefined } }),
      want: { target: "/api/customer/1", headers: { "x-tenant": "north", "x-trace": undefined } },
    },
  ],
  [
    "header null: the client's header is removed for this call",
    {
      given: (c) => c.cycle.getCustomer(1006, { headers: { "X-Tenant": null } }),
      want: { target: "/api/v1/customers/1006.json", headers: { "x-tenant": undefined } },
    },
  ],
  [
    "header name in another case replaces the client's",
    {
      given: (c) => c.owr.createCustomer({ name: "x" }, { headers: { "X-TENANT": "south" } }),
      want: { target: "/api/customers", headers: { "x-tenant": "south" }, body: { name: "x" } },
    },
  ],
  [
    "options null and signal null: the defaults",
    {
      given: async (c) => {
        await c.cubit.getCustomer("1", null);
        return c.cubit.getCustomer("1", { signal: null, timeout: undefined });
      },
      want: { target: "/api/customer/1" },
    },
  ],
  [
    "path parameter: a number and a string needing encoding",
    {
      given: async (c) => {
        await c.cycle.getCustomer(0);
        return c.cubit.getCustomer("a/b ?#");
      },
      want: { target: "/api/customer/a%2Fb%20%3F%23" },
    },
  ],
  [
    "query: null and undefined fields left out, booleans and arrays of primitives sent",
    {
      given: (c) =>
        c.cycle.findCustomers({ email: ["a@b.test", "c@d.test"], query: undefined, phone_number: null, x: false }),
      want: { target: "/api/v1/customers/find.json?email=a%40b.test&email=c%40d.test&x=false" },
    },
  ],
  [
    "query: null in place of the object means none",
    { given: (c) => c.cycle.findCustomers(null), want: { target: "/api/v1/customers/find.json" } },
  ],
  [
    "body: a class instance with toJSON and a back-reference is sent as its JSON form",
    {
      given: (c) => c.cubit.upsertCustomer(new CustomerRecord({ Number: "7", FirstName: "Ola" })),
      want: { target: "/api/import/test/customer", body: { Number: "7", FirstName: "Ola" } },
    },
  ],
];

describe("good input from plain JavaScript reaches the server as meant", () => {
  test.each(accepted)("%s", async (_, { given, want }) => {
    await given(clients);
    const last = server.received.at(-1);
    expect(last?.url).toBe(want.target);
    for (const [name, value] of Object.entries(want.headers ?? {})) expect(last?.headers[name]).toBe(value);
    if (want.body !== undefined) expect(JSON.parse(last?.body ?? "null")).toEqual(want.body);
  });
});
