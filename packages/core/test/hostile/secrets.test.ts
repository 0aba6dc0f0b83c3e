// Secrets against a real server that echoes what it got: credentials and sensitive fields never surface in what the
// caller sees (errors, logs, inspected or serialized clients), whatever form the server echoes them in.
import { basicCredential, type LogEvent, OptionError } from "@clientele/core/runtime";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  createCube4salesClient,
  createCube4salesTransport,
  createCubitClient,
  createCubitRawClient,
  createCubitTransport,
  createCycleSoftwareClient,
  createCycleSoftwareTransport,
  createOnlinewerkroosterClient,
  createOnlinewerkroosterTransport,
} from "../support/providers.js";
import { renderings } from "../support/renderings.js";
import {
  CUBE_TOKEN,
  CUBIT_KEY,
  CYCLE_PASSWORD,
  CYCLE_USER,
  FACTORY_SECRETS,
  OWR_CUSTOMER_KEY,
  OWR_KEY,
  outcome,
  type UntypedClients,
  untypedClients,
} from "./support/clients.js";
import { type HostileServer, reply, send, startHostileServer } from "./support/server.js";

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer(reply(200, {}));
});
afterAll(() => server.close());

/** Runs a call with a logger; returns what it rejected with and every log event. */
async function logged(call: (clients: UntypedClients) => Promise<unknown>) {
  const events: LogEvent[] = [];
  const { threw, rejected } = await outcome(() => call(untypedClients(server.url, { logger: (e) => events.push(e) })));
  expect(threw).toBeUndefined();
  return { error: rejected, events };
}

/** Fails naming the rendering and the form when any of `secrets` shows in any rendering of `subject`. */
function expectNoneShown(subject: unknown, events: unknown[], secrets: readonly string[]) {
  for (const [how, text] of renderings(subject, events)) {
    for (const secret of secrets)
      expect(text.includes(secret), `${how} shows ${JSON.stringify(secret)}:\n${text}`).toBe(false);
  }
}

/** A server that quotes the request's headers back: in a JSON body, in its message, and in a response header. */
const echoHeaders = (name: string) =>
  server.answerWith((request, response) => {
    const value = String(request.headers[name]);
    send(response, 400, { message: `${name} ${value} refused`, received: request.headers }, { "x-echo": value });
  });

describe("a credential header given per call is masked by name in logs and by value in errors", () => {
  const rows: [string, { given: (c: UntypedClients) => Promise<unknown>; want: { header: string; value: string } }][] =
    [
      [
        'Cubit "api-key" (the 7-character TENANT2 of the issue)',
        {
          given: (c) => c.cubit.getCustomer("1", { headers: { "api-key": "TENANT2" } }),
          want: { header: "api-key", value: "TENANT2" },
        },
      ],
      [
        'Onlinewerkrooster "CustomerKey", in its own case',
        {
          given: (c) => c.owr.createCustomer({ name: "x" }, { headers: { CustomerKey: "tenant-customer-key-2" } }),
          want: { header: "customerkey", value: "tenant-customer-key-2" },
        },
      ],
      [
        'CycleSoftware "Authorization" of another user',
        {
          given: (c) =>
            c.cycle.getCustomer(1, { headers: { Authorization: `Basic ${basicCredential("u2", "pw-2-long")}` } }),
          want: { header: "authorization", value: `Basic ${basicCredential("u2", "pw-2-long")}` },
        },
      ],
      [
        'Cube4sales "x-api-token", the header its factory was given',
        {
          given: (c) =>
            c.cube.listCustomers({ assignment_id: 9 }, { headers: { "X-Api-Token": "cube-tenant-token-2" } }),
          want: { header: "x-api-token", value: "cube-tenant-token-2" },
        },
      ],
      [
        'the standard "x-api-key" on a client that does not use it',
        {
          given: (c) => c.cubit.getCustomer("1", { headers: { "x-api-key": "other-vendor-key-1" } }),
          want: { header: "x-api-key", value: "other-vendor-key-1" },
        },
      ],
    ];
  test.each(rows)("%s", async (_, { given, want }) => {
    echoHeaders(want.header);
    const { error, events } = await logged(given);
    // The server did get the value: the check below would prove nothing otherwise.
    expect(server.received.map((r) => r.headers[want.header])).toEqual([want.value]);
    expect((error as Error).name).toBe("BadRequestError");
    expect(events[0]).toMatchObject({ type: "request", headers: { [want.header]: "[redacted]" } });
    expect((error as { headers: Headers }).headers.get("x-echo")).toBe("[redacted]");
    expectNoneShown(error, events, [want.value, ...FACTORY_SECRETS]);
  });
});

describe("a credential header echoed in parts: the token after its scheme, the user and password of Basic", () => {
  const basic = `Basic ${basicCredential("tenant-2", "secret-pw-2")}`;
  const bearer = "Bearer cube-bearer-TOKEN-1f9c";
  const perCallBasic = (c: UntypedClients) => c.cycle.getCustomer(1, { headers: { Authorization: basic } });
  const cubeBearer = () =>
    createCube4salesClient({
      baseUrl: server.url,
      account: "acme",
      maxRetries: 0,
      headers: { authorization: bearer },
    }).listCustomers({ assignment_id: 9 });
  const token = (value: string) => value.split(" ")[1] as string;
  const rows: [string, { given: { call: (c: UntypedClients) => Promise<unknown>; echo: (sent: string) => string } }][] =
    [
      ["a per-call Basic credential: the token alone", { given: { call: perCallBasic, echo: token } }],
      ["a per-call Basic credential: user:password", { given: { call: perCallBasic, echo: (v) => atob(token(v)) } }],
      [
        "a per-call Basic credential: the password alone",
        { given: { call: perCallBasic, echo: (v) => atob(token(v)).split(":")[1] as string } },
      ],
      [
        "a Cube4sales factory header with a Bearer token: the token alone",
        { given: { call: cubeBearer, echo: token } },
      ],
    ];
  test.each(rows)("%s", async (_, { given }) => {
    let echoed = "";
    server.answerWith((request, response) => {
      echoed = given.echo(String(request.headers.authorization));
      send(response, 401, { message: `credential ${echoed} refused` });
    });
    const { error, events } = await logged(given.call);
    expect(server.received.map((r) => r.headers.authorization)).toEqual([given.call === cubeBearer ? bearer : basic]);
    expect((error as Error).name).toBe("UnauthorizedError");
    expect((error as Error).message).toMatch(/answered 401: credential \[redacted\] refused( — .*)?$/);
    expectNoneShown(error, events, [echoed, ...FACTORY_SECRETS]);
  });
});

describe("short secrets are masked as whole values only, never inside other text", () => {
  const rows: [string, { given: { username: string; password: string } }][] = [
    ['1 character each ("u" / "p", the README\'s example)', { given: { username: "u", password: "p" } }],
    ["2 characters each", { given: { username: "ab", password: "/2" } }],
    ['3 characters each (user "api")', { given: { username: "api", password: "v1." } }],
  ];
  test.each(rows)("%s", async (_, { given }) => {
    const { username, password } = given;
    server.answerWith((request, response) =>
      send(response, 404, { message: `nothing at ${request.url}`, user: username, password }, { "x-user": username }),
    );
    const events: LogEvent[] = [];
    const cycle = createCycleSoftwareClient({
      baseUrl: server.url,
      username,
      password,
      maxRetries: 0,
      logger: (e) => events.push(e),
    });
    const { rejected } = await outcome(() => cycle.getCustomer(7));
    // The server got the short credentials, once.
    expect(server.received.map((r) => `${r.url} ${r.headers.authorization}`)).toEqual([
      `/api/v1/customers/7.json Basic ${basicCredential(username, password)}`,
    ]);
    const error = rejected as Error & { body: unknown; headers: Headers; url: string };
    // The URL and the message read as they are: "/api/v1/" is not garbled into "/[redacted]/v1/".
    expect(error.url).toBe(`${server.url}/api/v1/customers/7.json`);
    expect(error.message).toBe(
      `getCustomer: GET ${server.url}/api/v1/customers/7.json answered 404: ` +
        "nothing at /api/v1/customers/7.json — No customer has the customer_id of the path.",
    );
    // Where a short secret stands whole, it is masked.
    expect(error.body).toEqual({
      message: "nothing at /api/v1/customers/7.json",
      user: "[redacted]",
      password: "[redacted]",
    });
    expect(error.headers.get("x-user")).toBe("[redacted]");
    expect(events[0]).toMatchObject({ type: "request", headers: { authorization: "[redacted]" } });
    expect(JSON.stringify(events)).toContain(`"url":"${server.url}/api/v1/customers/7.json"`);
  });
});

describe("a secret echoed in an encoded form is masked in that form too", () => {
  const user = "cycle-user-Q1x";
  // Characters every encoding changes: space, slash, plus, quotes, markup, non-ASCII.
  const password = `pa ss/w0rd+ü"'<&>x`;
  const phpJson = JSON.stringify(password).slice(1, -1).replace(/\//g, "\\/").replace(/ü/g, "\\u00fc");
  const rows: [string, { given: string; want: string }][] = [
    ["base64 of user:password", { given: basicCredential(user, password), want: "[redacted]" }],
    ["percent-encoding, upper-case hex", { given: encodeURIComponent(password), want: "[redacted]" }],
    [
      "percent-encoding, lower-case hex",
      { given: encodeURIComponent(password).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()), want: "[redacted]" },
    ],
    [
      "form encoding (+ for a space)",
      { given: new URLSearchParams({ p: password }).toString().slice(2), want: "[redacted]" },
    ],
    [
      "HTML escaping",
      {
        given: password
          .replace(/&/g, "&amp;")
          .replace(/</g, "&lt;")
          .replace(/>/g, "&gt;")
          .replace(/"/g, "&quot;")
          .replace(/'/g, "&#39;"),
        want: "[redacted]",
      },
    ],
    ["JSON escaping", { given: JSON.stringify(password).slice(1, -1), want: "[redacted]" }],
    ["PHP's JSON escaping (\\/ and \\u00fc)", { given: phpJson, want: "[redacted]" }],
    ["user:password in clear", { given: `${user}:${password}`, want: "[redacted]:[redacted]" }],
  ];
  test.each(rows)("%s", async (_, { given, want }) => {
    server.answerWith((_request, response) => {
      response.writeHead(401, { "content-type": "text/html" });
      response.end(`<html><body><p>Credentials ${given} refused</p></body></html>`);
    });
    const events: LogEvent[] = [];
    const cycle = createCycleSoftwareClient({
      baseUrl: server.url,
      username: user,
      password,
      maxRetries: 0,
      logger: (e) => events.push(e),
    });
    const { rejected } = await outcome(() => cycle.getCustomer(7));
    expect(server.received.map((r) => r.headers.authorization)).toEqual([`Basic ${basicCredential(user, password)}`]);
    expect((rejected as Error).name).toBe("UnauthorizedError");
    expect((rejected as { body: unknown }).body).toBe(`<html><body><p>Credentials ${want} refused</p></body></html>`);
    expectNoneShown(rejected, events, [given, password, basicCredential(user, password)]);
  });
});

describe("sensitive fields (x-sensitive) are masked whatever the key's case, at any depth", () => {
  const SSN = "01017012345";
  const SSN_2 = "02028054321";
  const rows: [string, { given: Record<string, unknown>; want: Record<string, unknown> }][] = [
    [
      "the spec's own case",
      { given: { Number: "1", SocialSecurityNumber: SSN }, want: { Number: "1", SocialSecurityNumber: "[redacted]" } },
    ],
    [
      "camelCase, and upper case inside an array of nested objects",
      {
        given: { Number: "1", socialSecurityNumber: SSN, Contacts: [{ Name: "Kari", SOCIALSECURITYNUMBER: SSN_2 }] },
        want: {
          Number: "1",
          socialSecurityNumber: "[redacted]",
          Contacts: [{ Name: "Kari", SOCIALSECURITYNUMBER: "[redacted]" }],
        },
      },
    ],
  ];
  test.each(rows)("%s", async (_, { given, want }) => {
    server.answerWith((request, response) =>
      send(response, 400, {
        echo: JSON.parse(request.body),
        // Quoted in free text too: only the values the request carried are known to be secret.
        note: `numbers ${[SSN, SSN_2].filter((n) => request.body.includes(n)).join(" and ")} are invalid`,
      }),
    );
    const { error, events } = await logged((c) => c.cubit.upsertCustomer(given));
    expect(server.received[0]?.body).toContain(SSN);
    expect((error as { body: unknown }).body).toEqual({
      echo: want,
      note: `numbers ${[SSN, SSN_2]
        .filter((n) => JSON.stringify(given).includes(n))
        .map(() => "[redacted]")
        .join(" and ")} are invalid`,
    });
    expectNoneShown(error, events, [SSN, SSN_2, CUBIT_KEY]);
  });
});

describe("a request model with toJSON and a back-reference (an ORM record)", () => {
  class Record {
    parent: { children: Record[] } = { children: [] };
    constructor(readonly row: { [key: string]: unknown }) {
      this.parent.children.push(this);
    }
    toJSON() {
      return this.row;
    }
  }
  test("the server's 400 stays a BadRequestError, its echo redacted from the JSON that was sent", async () => {
    server.answerWith((request, response) => send(response, 400, { rejected: JSON.parse(request.body) }));
    const { error, events } = await logged((c) =>
      c.cubit.upsertCustomer(new Record({ Number: "7", SocialSecurityNumber: "01017012345" })),
    );
    expect(JSON.parse(server.received[0]?.body ?? "")).toEqual({ Number: "7", SocialSecurityNumber: "01017012345" });
    expect((error as Error).name).toBe("BadRequestError");
    expect((error as { body: unknown }).body).toEqual({
      rejected: { Number: "7", SocialSecurityNumber: "[redacted]" },
    });
    expectNoneShown(error, events, ["01017012345", CUBIT_KEY]);
  });
});

describe("inspecting, logging or serializing a transport or a client shows no credential", () => {
  const baseUrl = "https://vendor.test";
  const cubit = { baseUrl, apiKey: CUBIT_KEY, environment: "test" } as const;
  const owr = { baseUrl, apiKey: OWR_KEY, customerKey: OWR_CUSTOMER_KEY, environment: "dev" } as const;
  const cycle = { baseUrl, username: CYCLE_USER, password: CYCLE_PASSWORD };
  const cube = { baseUrl, account: "acme", headers: { "x-api-token": CUBE_TOKEN } };
  const cycleSecrets = [CYCLE_USER, CYCLE_PASSWORD, basicCredential(CYCLE_USER, CYCLE_PASSWORD)];
  const rows: [string, { given: () => unknown; want: { hidden: string[]; masked?: string } }][] = [
    [
      "createCubitTransport",
      { given: () => createCubitTransport(cubit), want: { hidden: [CUBIT_KEY], masked: "api-key" } },
    ],
    ["createCubitClient", { given: () => createCubitClient(cubit), want: { hidden: [CUBIT_KEY] } }],
    ["createCubitRawClient", { given: () => createCubitRawClient(cubit), want: { hidden: [CUBIT_KEY] } }],
    [
      "createOnlinewerkroosterTransport",
      {
        given: () => createOnlinewerkroosterTransport(owr),
        want: { hidden: [OWR_KEY, OWR_CUSTOMER_KEY], masked: "customerkey" },
      },
    ],
    [
      "createOnlinewerkroosterClient",
      { given: () => createOnlinewerkroosterClient(owr), want: { hidden: [OWR_KEY, OWR_CUSTOMER_KEY] } },
    ],
    [
      "createCycleSoftwareTransport",
      { given: () => createCycleSoftwareTransport(cycle), want: { hidden: cycleSecrets, masked: "authorization" } },
    ],
    ["createCycleSoftwareClient", { given: () => createCycleSoftwareClient(cycle), want: { hidden: cycleSecrets } }],
    [
      "createCube4salesTransport",
      { given: () => createCube4salesTransport(cube), want: { hidden: [CUBE_TOKEN], masked: "x-api-token" } },
    ],
    ["createCube4salesClient", { given: () => createCube4salesClient(cube), want: { hidden: [CUBE_TOKEN] } }],
  ];
  test.each(rows)("%s", (_, { given, want }) => {
    const subject = given();
    expectNoneShown(subject, [], want.hidden);
    if (want.masked) {
      // Still useful to look at: where it calls and which headers it sends.
      expect(JSON.parse(JSON.stringify(subject))).toMatchObject({ baseUrl, headers: { [want.masked]: "[redacted]" } });
    }
  });
});

describe("no header value with a line break or a secret appears in an error message", () => {
  const secret = "hdr-SECRET-value-81f2";
  const rows: [string, { given: () => unknown; want: { option: string } }][] = [
    [
      "a factory header with CR/LF",
      {
        given: () =>
          createCubitClient({
            apiKey: CUBIT_KEY,
            environment: "test",
            headers: { "x-note": `a\r\nX-Injected: ${secret}` },
          }),
        want: { option: "headers.x-note" },
      },
    ],
    [
      "a factory header beyond Latin-1 holding a secret",
      {
        given: () => createCube4salesClient({ account: "acme", headers: { "x-api-token": `${secret}€` } }),
        want: { option: "headers.x-api-token" },
      },
    ],
    [
      "a factory credential with a line break",
      {
        given: () =>
          createOnlinewerkroosterClient({ ...{ apiKey: `${secret}\n`, customerKey: "k", environment: "dev" } }),
        want: { option: "apiKey" },
      },
    ],
    [
      "a per-call credential header with CR/LF",
      {
        given: () =>
          createCubitClient({ baseUrl: server.url, apiKey: CUBIT_KEY, environment: "test" }).getCustomer("1", {
            headers: { "api-key": `${secret}\r\nX-Injected: 1` },
          }),
        want: { option: "headers.api-key" },
      },
    ],
  ];
  test.each(rows)("%s", async (_, { given, want }) => {
    server.answerWith(reply(200, {}));
    const { threw, rejected } = await outcome(async () => given());
    const error = (threw ?? rejected) as OptionError;
    expect(error).toBeInstanceOf(OptionError);
    expect(error.option).toBe(want.option);
    expect(error.message).not.toMatch(/[\r\n]/);
    expectNoneShown(error, [], [secret, "X-Injected", CUBIT_KEY]);
    expect(server.received).toEqual([]);
  });
});
