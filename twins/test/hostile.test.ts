// Requests no client should send, straight to each twin (no proxy in front): a twin answers every one with a
// status (never crashes, never hangs) and still answers a good request afterwards.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningTwin, startTwin, type TwinProvider } from "../src/index.js";
import { rawRequest } from "./support/raw-http.js";

interface Target {
  /** a path that takes a JSON body */
  create: string;
  createMethod: string;
  /** a path with an id in it, {id} replaced */
  byId: string;
  headers: string[];
  /** a request that must succeed */
  good: (n: number) => { method: string; path: string; body?: string };
}

const json = "content-type: application/json";
const targets: Record<TwinProvider, Target> = {
  cubit: {
    create: "/api/import/test/customer",
    createMethod: "POST",
    byId: "/api/customer/{id}",
    headers: ["api-key: test-api-key"],
    good: () => ({ method: "POST", path: "/api/import/test/customer", body: '{"Number":"1"}' }),
  },
  onlinewerkrooster: {
    create: "/api/customers",
    createMethod: "POST",
    byId: "/api/customers/{id}",
    headers: ["apikey: demo-apikey", "CustomerKey: demo-customerkey"],
    // A new customer each time: a repeated one would be the documented 409.
    good: (n) => ({
      method: "POST",
      path: "/api/customers",
      body: JSON.stringify({
        extCustomerId: n,
        extCustomerNumber: String(n),
        enterpriseNumber: "BE0123456789",
        name: `OWR ${n}`,
        address: { city: "Lommel" },
      }),
    }),
  },
  cube4sales: {
    create: "/crm/customers",
    createMethod: "POST",
    byId: "/crm/customers/{id}",
    headers: [],
    good: () => ({ method: "GET", path: "/crm/customers?assignment_id=9" }),
  },
  cyclesoftware: {
    create: "/api/v1/customers.json",
    createMethod: "POST",
    byId: "/api/v1/customers/{id}.json",
    headers: [`authorization: Basic ${Buffer.from("demo:demo").toString("base64")}`],
    good: () => ({ method: "GET", path: "/api/v1/customers/list.json" }),
  },
};

const LIMIT = 64 * 1024;

type Row = [string, { given: (t: Target) => { head: string; body?: Buffer | string }; want: number[] }];
const head = (t: Target, line: string, extra: string[] = []) => [line, ...t.headers, ...extra].join("\r\n");
const rows: Row[] = [
  ["GET /%0A (a line break in the path)", { given: (t) => ({ head: head(t, "GET /%0A HTTP/1.1") }), want: [404] }],
  ["GET /% (a broken escape)", { given: (t) => ({ head: head(t, "GET /% HTTP/1.1") }), want: [404] }],
  [
    "an id with a € (the reason header would carry it)",
    {
      given: (t) => ({ head: head(t, `GET ${t.byId.replace("{id}", "%E2%82%AC")} HTTP/1.1`) }),
      want: [400, 404, 405, 422],
    },
  ],
  [
    "an id with a line break",
    {
      given: (t) => ({ head: head(t, `GET ${t.byId.replace("{id}", "a%0D%0Ab")} HTTP/1.1`) }),
      want: [400, 404, 405, 422],
    },
  ],
  [
    "a header value with bytes past ASCII",
    { given: (t) => ({ head: head(t, "GET /nowhere HTTP/1.1", ["x-note: \u00e2\u0082\u00ac"]) }), want: [404] },
  ],
  [
    "malformed JSON",
    {
      given: (t) => ({
        head: head(t, `${t.createMethod} ${t.create} HTTP/1.1`, [json, "content-length: 9"]),
        body: '{"Number"',
      }),
      want: [400, 422],
    },
  ],
  [
    "JSON nested twenty thousand deep",
    {
      given: (t) => {
        const body = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
        return {
          head: head(t, `${t.createMethod} ${t.create} HTTP/1.1`, [json, `content-length: ${body.length}`]),
          body,
        };
      },
      want: [400, 422],
    },
  ],
  [
    "a body past the limit, announced by content-length",
    {
      given: (t) => {
        const body = Buffer.alloc(LIMIT * 4, "a");
        return {
          head: head(t, `${t.createMethod} ${t.create} HTTP/1.1`, [json, `content-length: ${body.length}`]),
          body,
        };
      },
      want: [413],
    },
  ],
  [
    "a chunked body that grows past the limit",
    {
      given: (t) => {
        const chunk = Buffer.alloc(16 * 1024, "a");
        const framed = Buffer.concat(
          Array.from({ length: 8 }, () => Buffer.concat([Buffer.from("4000\r\n"), chunk, Buffer.from("\r\n")])),
        );
        return {
          head: head(t, `${t.createMethod} ${t.create} HTTP/1.1`, [json, "transfer-encoding: chunked"]),
          body: Buffer.concat([framed, Buffer.from("0\r\n\r\n")]),
        };
      },
      want: [413],
    },
  ],
  [
    "an unknown method on a known path",
    { given: (t) => ({ head: head(t, `PROPFIND ${t.create} HTTP/1.1`) }), want: [405] },
  ],
  [
    "OPTIONS without a CORS preflight",
    { given: (t) => ({ head: head(t, `OPTIONS ${t.create} HTTP/1.1`) }), want: [405] },
  ],
  ["an unknown path", { given: (t) => ({ head: head(t, "DELETE /api/v9/everything HTTP/1.1") }), want: [404] }],
  ["Accept: x", { given: (t) => ({ head: head(t, "GET /nowhere HTTP/1.1", ["accept: x"]) }), want: [404] }],
];

describe.each(Object.keys(targets) as TwinProvider[])("%s twin, sent hostile requests", (provider) => {
  const target = targets[provider];
  let twin: RunningTwin<TwinProvider>;
  beforeAll(async () => {
    twin = await startTwin(provider, { maxBodyBytes: LIMIT, maxExchanges: 5 });
  });
  afterAll(() => twin?.stop());

  let sent = 0;
  test.each(rows)("%s: answered, and a good request still works", async (_, { given, want }) => {
    const { head: requestHead, body } = given(target);
    const answer = await rawRequest(twin.url, requestHead, body);
    expect(want).toContain(answer.status);
    const good = target.good(++sent);
    const goodBody = good.body ?? "";
    const after = await rawRequest(
      twin.url,
      head(
        target,
        `${good.method} ${good.path} HTTP/1.1`,
        goodBody ? [json, `content-length: ${goodBody.length}`] : [],
      ),
      goodBody,
    );
    expect(after.status).toBeGreaterThanOrEqual(200);
    expect(after.status).toBeLessThan(300);
  });

  test("the exchange log keeps only the latest maxExchanges", () => {
    expect(twin.exchanges.length).toBe(5);
    expect(twin.exchanges.at(-1)?.path).toBe(target.good(sent).path.split("?")[0]);
  });
});
