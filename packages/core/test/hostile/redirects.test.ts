// Servers that redirect: within the origin, to another origin (a second real server, on another port), in loops,
// and in ways fetch would silently turn a write into a read. Each row asserts what the caller saw and what reached
// both servers.
import { type ApiError, type Operation, RedirectError } from "@clientele/core/runtime";
import { SECRET, settle, testTransport } from "@clientele/testkit/harness";
import { scriptedFetch } from "@clientele/testkit/scripted-fetch";
import { describe, expect, test } from "vitest";
import { MAX_REDIRECTS } from "../../src/redirect.js";
import { createCubitClient, createCubitRawClient, createCycleSoftwareClient } from "../support/providers.js";
import { FACTORY_SECRETS, type UntypedClients, untypedClients } from "./support/clients.js";
import { type Answer, hostileServers, type Recorded, reply } from "./support/server.js";

const serve = hostileServers();

const get: Operation = { id: "getThing", method: "GET", idempotent: true, json: true };
const put: Operation = { id: "replaceThing", method: "PUT", idempotent: true, json: true };
const create: Operation = { id: "createThing", method: "POST", idempotent: false, json: true };

const SSN = "01017012345";

/** Redirects `/things` to `target(home, other)`; answers anything else with what it received. */
function redirecting(status: number, target: (home: string, other: string) => string, other: () => string): Answer {
  return (request, response, self) => {
    if (request.url === "/things") {
      response.writeHead(status, { location: target(self.url, other()) });
      response.end();
    } else reply(200, { at: request.url, method: request.method, body: request.body })(request, response, self);
  };
}

interface Given {
  status: number;
  operation: Operation;
  /** Where `/things` points: a path on the same server, or a URL on the other one. */
  to: (home: string, other: string) => string;
  allowCrossOriginRedirects?: boolean;
}
interface Want {
  /** The data the caller got, or the start of the RedirectError's message (with HOME/OTHER for the URLs). */
  data?: unknown;
  refused?: string;
  /** What reached each server, as "METHOD url" lines. */
  home: string[];
  other: string[];
  /** Checked on every request the other server received. */
  atOther?: (request: Recorded) => void;
}

const noCredentialNorBody = (request: Recorded) => {
  // Every credential header of these clients (authorization, proxy-authorization, api-key, apikey, x-api-key,
  // customerkey, cookie, x-api-token) matches; so would a new one named like them.
  expect(Object.keys(request.headers).filter((name) => /auth|key|cookie|token/i.test(name))).toEqual([]);
  expect(request.body).toBe("");
};

describe("redirects through core", () => {
  test.each<[string, { given: Given; want: Want }]>([
    [
      "same-origin 307 on a POST: followed with the method and the body",
      {
        given: { status: 307, operation: create, to: (home) => `${home}/moved` },
        want: {
          data: { at: "/moved", method: "POST", body: `{"ssn":"${SSN}"}` },
          home: ["POST /things", "POST /moved"],
          other: [],
        },
      },
    ],
    [
      "same-origin 308 on a PUT: followed with the method and the body",
      {
        given: { status: 308, operation: put, to: () => "/moved" },
        want: {
          data: { at: "/moved", method: "PUT", body: `{"ssn":"${SSN}"}` },
          home: ["PUT /things", "PUT /moved"],
          other: [],
        },
      },
    ],
    [
      "same-origin 301 on a GET: followed",
      {
        given: { status: 301, operation: get, to: () => "/moved?page=2" },
        want: {
          data: { at: "/moved?page=2", method: "GET", body: "" },
          home: ["GET /things", "GET /moved?page=2"],
          other: [],
        },
      },
    ],
    ...[301, 302, 303].map(
      (status) =>
        [
          `same-origin ${status} on a POST: refused, not turned into a GET`,
          {
            given: { status, operation: create, to: () => "/result" },
            want: {
              refused: `createThing: POST HOME/things answered ${status} redirecting to HOME/result: not followed, as it would turn the POST into a GET`,
              home: ["POST /things"],
              other: [],
            },
          },
        ] as [string, { given: Given; want: Want }],
    ),
    [
      "same-origin 303 on a PUT: refused",
      {
        given: { status: 303, operation: put, to: () => "/result" },
        want: {
          refused:
            "replaceThing: PUT HOME/things answered 303 redirecting to HOME/result: not followed, as it would turn the PUT into a GET",
          home: ["PUT /things"],
          other: [],
        },
      },
    ],
    [
      "cross-origin 307 on a POST with a credential and an SSN: refused, the other origin gets nothing",
      {
        given: { status: 307, operation: create, to: (_, other) => `${other}/steal` },
        want: {
          refused:
            "createThing: POST HOME/things answered 307 redirecting to OTHER/steal: another origin, refused: credentials and body stay here (allowCrossOriginRedirects)",
          home: ["POST /things"],
          other: [],
        },
      },
    ],
    [
      "cross-origin 302 on a GET: refused by default",
      {
        given: { status: 302, operation: get, to: (_, other) => `${other}/elsewhere` },
        want: {
          refused: "getThing: GET HOME/things answered 302 redirecting to OTHER/elsewhere: another origin, refused",
          home: ["GET /things"],
          other: [],
        },
      },
    ],
    [
      "cross-origin 302 on a GET with allowCrossOriginRedirects: followed without the credential",
      {
        given: { status: 302, operation: get, to: (_, other) => `${other}/download`, allowCrossOriginRedirects: true },
        want: {
          data: { at: "/download", method: "GET", body: "" },
          home: ["GET /things"],
          other: ["GET /download"],
          atOther: noCredentialNorBody,
        },
      },
    ],
    [
      "cross-origin 307 on a POST with allowCrossOriginRedirects: still refused, the body would leave",
      {
        given: { status: 307, operation: create, to: (_, other) => `${other}/steal`, allowCrossOriginRedirects: true },
        want: {
          refused:
            "createThing: POST HOME/things answered 307 redirecting to OTHER/steal: another origin, refused: the body would go with it",
          home: ["POST /things"],
          other: [],
        },
      },
    ],
    [
      "http to https on the same host is another origin: refused",
      {
        given: { status: 301, operation: get, to: (home) => `${home.replace("http:", "https:")}/things` },
        want: {
          refused: "getThing: GET HOME/things answered 301 redirecting to https:",
          home: ["GET /things"],
          other: [],
        },
      },
    ],
  ])("%s", async (_, { given, want }) => {
    const other = await serve((request, response, self) =>
      reply(200, { at: request.url, method: request.method, body: request.body })(request, response, self),
    );
    const home = await serve(redirecting(given.status, given.to, () => other.url));
    const transport = testTransport(globalThis.fetch, {
      baseUrl: home.url,
      maxRetries: 2,
      ...(given.allowCrossOriginRedirects ? { allowCrossOriginRedirects: true } : {}),
    });
    const outcome = await settle(
      transport.send(
        given.operation,
        "/things",
        undefined,
        given.operation.method === "GET" ? undefined : { ssn: SSN },
      ),
    );
    if (want.refused) {
      expect(outcome).toBeInstanceOf(RedirectError);
      const error = outcome as RedirectError;
      const message = want.refused.replaceAll("HOME", home.url).replaceAll("OTHER", other.url);
      expect(error.message.startsWith(message), `${error.message}\n  does not start with\n${message}`).toBe(true);
      expect(error.status).toBe(given.status);
      expect(JSON.stringify(error)).not.toContain(SECRET);
      expect(JSON.stringify(error)).not.toContain(SSN);
    } else {
      expect(outcome).toEqual(want.data);
    }
    expect(home.received.map((r) => `${r.method} ${r.url}`)).toEqual(want.home);
    expect(other.received.map((r) => `${r.method} ${r.url}`)).toEqual(want.other);
    for (const request of other.received) want.atOther?.(request);
  });

  test(`a redirect loop stops after ${MAX_REDIRECTS} hops with a RedirectError`, async () => {
    const home = await serve((_, response) => {
      response.writeHead(302, { location: "/things" });
      response.end();
    });
    const error = await settle(
      testTransport(globalThis.fetch, { baseUrl: home.url, maxRetries: 2 }).send(get, "/things", undefined, undefined),
    );
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toContain(`: more than ${MAX_REDIRECTS} redirects in a row`);
    // The first request and five followed hops; never retried.
    expect(home.received).toHaveLength(1 + MAX_REDIRECTS);
  });

  test("a browser's opaque redirect (redirect: manual, status 0) is an error, never a success", async () => {
    const opaque = Object.defineProperties(new Response(null), {
      type: { value: "opaqueredirect" },
      status: { value: 0 },
      ok: { value: false },
    });
    const { fetch, seen } = scriptedFetch(opaque);
    const error = await settle(
      testTransport(fetch, { maxRetries: 2 }).send(create, "/things", undefined, { ssn: SSN }),
    );
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as ApiError).status).toBe(0);
    expect((error as Error).message).toMatch(
      /^createThing: POST https:\/\/api\.test\/things answered 0 \(an opaque redirect, whose target this runtime hides\): not followed$/,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST" });
  });

  test("fetch is asked not to follow redirects itself", async () => {
    const { fetch, seen } = scriptedFetch(new Response("{}", { headers: { "content-type": "application/json" } }));
    const inits: RequestInit[] = [];
    await testTransport((input, init) => {
      inits.push(init ?? {});
      return fetch(input, init);
    }).send(get, "/x", undefined, undefined);
    expect(inits[0]?.redirect).toBe("manual");
    expect(seen).toHaveLength(1);
  });
});

describe("redirects through clients built like the generated ones", () => {
  test("Cubit upsertCustomer (api-key, SSN body) meets a cross-origin 307: refused, the other server gets nothing", async () => {
    const other = await serve(reply(200, {}));
    const home = await serve((_, response) => {
      response.writeHead(307, { location: `${other.url}/api/customer` });
      response.end();
    });
    const cubit = createCubitClient({ apiKey: "CUBIT-KEY-123456", environment: "test", baseUrl: home.url });
    const error = await settle(cubit.upsertCustomer({ Number: "1", SocialSecurityNumber: SSN } as never));
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toContain(`redirecting to ${other.url}/api/customer: another origin, refused`);
    expect(JSON.stringify(error)).not.toContain("CUBIT-KEY-123456");
    expect(JSON.stringify(error)).not.toContain(SSN);
    expect(home.received).toHaveLength(1);
    expect(home.received[0]?.headers["api-key"]).toBe("CUBIT-KEY-123456");
    expect(other.received).toEqual([]);
  });

  test("CycleSoftware getCustomer with allowCrossOriginRedirects: the other origin gets no Authorization", async () => {
    const other = await serve(reply(200, { customer_id: 7 }));
    const home = await serve((_, response) => {
      response.writeHead(302, { location: `${other.url}/mirror/7.json` });
      response.end();
    });
    const cycle = createCycleSoftwareClient({
      username: "u-name",
      password: "pw-123456",
      baseUrl: home.url,
      allowCrossOriginRedirects: true,
    });
    expect(await cycle.getCustomer(7)).toEqual({ customer_id: 7 });
    expect(home.received[0]?.headers.authorization).toMatch(/^Basic /);
    expect(other.received).toHaveLength(1);
    noCredentialNorBody(other.received[0] as Recorded);
    expect(other.received[0]?.headers.accept).toBe("application/json");
  });
});

describe("every provider-shaped client with allowCrossOriginRedirects meets a cross-origin 307", () => {
  const cookie = "session=COOKIE-abc123";
  const perCall = { headers: { cookie, "x-api-key": "XKEY-abc123" } };
  const rows: [
    string,
    { given: (c: UntypedClients) => Promise<unknown>; want: { followed: boolean; sent: string } },
  ][] = [
    [
      "Cubit getCustomer (api-key): followed without any credential",
      { given: (c) => c.cubit.getCustomer("1", perCall), want: { followed: true, sent: "api-key" } },
    ],
    [
      "CycleSoftware getCustomer (Authorization): followed without any credential",
      { given: (c) => c.cycle.getCustomer(1, perCall), want: { followed: true, sent: "authorization" } },
    ],
    [
      "Cube4sales listCustomers (x-api-token): followed without any credential",
      {
        given: (c) => c.cube.listCustomers({ assignment_id: 9 }, perCall),
        want: { followed: true, sent: "x-api-token" },
      },
    ],
    [
      "Onlinewerkrooster createCustomer (apikey, CustomerKey) with a body: refused",
      { given: (c) => c.owr.createCustomer({ name: "x" }, perCall), want: { followed: false, sent: "customerkey" } },
    ],
  ];
  test.each(rows)("%s", async (_, { given, want }) => {
    const other = await serve(reply(200, {}));
    const home = await serve((request, response) => {
      response.writeHead(307, { location: `${other.url}${request.url}` });
      response.end();
    });
    const outcome = await settle(given(untypedClients(home.url, { allowCrossOriginRedirects: true })));
    // The home server got the credentials: the checks on the other server would prove nothing otherwise.
    expect(home.received).toHaveLength(1);
    expect(home.received[0]?.headers[want.sent]).toBeTypeOf("string");
    expect(home.received[0]?.headers.cookie).toBe(cookie);
    if (want.followed) {
      expect(outcome).toEqual({});
      expect(other.received).toHaveLength(1);
    } else {
      expect(outcome).toBeInstanceOf(RedirectError);
      expect(other.received).toEqual([]);
    }
    for (const request of other.received) {
      noCredentialNorBody(request);
      const seen = JSON.stringify(request);
      for (const secret of [...FACTORY_SECRETS, "COOKIE-abc123", "XKEY-abc123"]) expect(seen).not.toContain(secret);
    }
  });
});

describe("redirects through the raw openapi-fetch client", () => {
  test("Cubit raw POST (api-key, SSN body) meets a cross-origin 307: handed back unfollowed, the other server gets nothing", async () => {
    const other = await serve(reply(200, {}));
    const home = await serve((_, response) => {
      response.writeHead(307, { location: `${other.url}/steal` });
      response.end();
    });
    const raw = createCubitRawClient({ apiKey: "CUBIT-KEY-123456", environment: "test", baseUrl: home.url });
    const { response } = await raw.POST("/api/import/{environment}/customer", {
      params: { path: { environment: "test" } },
      body: { Number: "1", SocialSecurityNumber: SSN } as never,
    });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(`${other.url}/steal`);
    expect(home.received.map((r) => `${r.method} ${r.url} ${r.headers["api-key"]}`)).toEqual([
      "POST /api/import/test/customer CUBIT-KEY-123456",
    ]);
    expect(other.received).toEqual([]);
  });
});
