import { basicCredential, type LogEvent } from "@clientele/core/runtime";
import { settle, withFakeTime } from "@clientele/testkit/harness";
import { abortableDelay, json, type Seen, type Step, scriptedFetch } from "@clientele/testkit/scripted-fetch";
import { describe, expect, test } from "vitest";
import {
  createCube4salesClient,
  createCubitClient,
  createCycleSoftwareClient,
  createOnlinewerkroosterClient,
} from "./support/providers.js";
import { renderings } from "./support/renderings.js";

const SSN = "01017012345";
const CUBIT_KEY = "cubit-KEY-7f3a9c1e";
const OWR_KEY = "owr-api-KEY-55aa0b";
const OWR_CUSTOMER_KEY = "owr-CUSTOMER-KEY-99bb3c";
const CYCLE_USER = "cycle-user-Q1x";
// Characters that change under percent-encoding and JSON escaping, so every form of it is checked.
const CYCLE_PASSWORD = 'p@ss w0rd/ü"\\x';
const CUBE_TOKEN = "cube-TOKEN-42d8e7";

/** Every form in which a secret could leak. */
const forms = (secret: string) => [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];

/**
 * A server that repeats back everything it was sent, the way a careless error page does: in the body, as text and
 * JSON, and in response headers.
 */
function echo(request: Seen): { text: string; headers: Record<string, string> } {
  const basic = request.headers.authorization?.match(/^Basic (.+)$/)?.[1];
  const decoded = basic && new TextDecoder().decode(Uint8Array.from(atob(basic), (c) => c.charCodeAt(0)));
  const everything = JSON.stringify({ url: request.url, headers: request.headers, body: request.body, decoded });
  const auth = [...Object.values(request.headers), decoded].join(" | ");
  return {
    text: `${everything} ${auth} ${decodeURIComponent(encodeURIComponent(request.body ?? ""))} ${encodeURIComponent(auth)}`,
    headers: { "x-echo": auth.replace(/[^\x20-\x7e]/g, "?"), "www-authenticate": `Basic realm="${auth.slice(0, 40)}"` },
  };
}

/** The ways a call fails, each built from what the request carried. */
const failures: [string, Step][] = [
  [
    "400 with a JSON body quoting the request",
    (request) => {
      const { text, headers } = echo(request);
      return json(
        {
          message: `rejected: ${text}`,
          received: { headers: request.headers, body: JSON.parse(request.body ?? "null") },
        },
        400,
        headers,
      );
    },
  ],
  [
    "500 HTML page quoting the request",
    (request) => {
      const { text, headers } = echo(request);
      return new Response(`<html><body><pre>${text}</pre></body></html>`, {
        status: 500,
        headers: { ...headers, "content-type": "text/html" },
      });
    },
  ],
  [
    "401 echoing credentials in headers only",
    (request) => new Response(null, { status: 401, headers: echo(request).headers }),
  ],
  [
    "a network error whose message and cause quote the request",
    (request) => {
      const { text } = echo(request);
      throw new TypeError(`fetch failed for ${text}`, {
        cause: Object.assign(new Error(text), { code: "ECONNRESET" }),
      });
    },
  ],
  [
    "a timeout",
    async ({ signal }) => {
      await abortableDelay(60_000, signal);
      return json({});
    },
  ],
];

interface Provider {
  name: string;
  secrets: string[];
  /** Makes the call under test with the given fetch and logger. */
  call: (fetch: typeof globalThis.fetch, logger: (e: LogEvent) => void) => Promise<unknown>;
}

const common = { baseUrl: "https://vendor.test", maxRetries: 1, timeout: 500 };

const providers: Provider[] = [
  {
    name: "Cubit upsertCustomer (api-key header, SocialSecurityNumber in the body)",
    secrets: [CUBIT_KEY, SSN],
    call: (fetch, logger) =>
      createCubitClient({ ...common, apiKey: CUBIT_KEY, environment: "test", fetch, logger }).upsertCustomer({
        Number: "1234567",
        FirstName: "Ola",
        SocialSecurityNumber: SSN,
      }),
  },
  {
    name: "Onlinewerkrooster createCustomer (apikey and CustomerKey headers)",
    secrets: [OWR_KEY, OWR_CUSTOMER_KEY],
    call: (fetch, logger) =>
      createOnlinewerkroosterClient({
        ...common,
        apiKey: OWR_KEY,
        customerKey: OWR_CUSTOMER_KEY,
        environment: "dev",
        fetch,
        logger,
      }).createCustomer({
        extCustomerId: 1001,
        extCustomerNumber: "1001",
        enterpriseNumber: "BE01234567899",
        name: "OWR.GG.1001",
        address: { city: "Lommel" },
      }),
  },
  {
    name: "CycleSoftware getCustomer (HTTP Basic)",
    secrets: [CYCLE_PASSWORD, basicCredential(CYCLE_USER, CYCLE_PASSWORD), `${CYCLE_USER}:${CYCLE_PASSWORD}`],
    call: (fetch, logger) =>
      createCycleSoftwareClient({
        ...common,
        username: CYCLE_USER,
        password: CYCLE_PASSWORD,
        fetch,
        logger,
      }).getCustomer(1006),
  },
  {
    name: "Cube4sales listCustomers (a bearer token in headers)",
    secrets: [CUBE_TOKEN],
    call: (fetch, logger) =>
      createCube4salesClient({
        ...common,
        account: "acme",
        headers: { authorization: `Bearer ${CUBE_TOKEN}` },
        fetch,
        logger,
      }).listCustomers({ assignment_id: 9 }),
  },
];

describe("no secret reaches an error or a log line", () => {
  describe.each(providers)("$name", ({ secrets, call }) => {
    test.each(failures)("%s", async (_, failure) => {
      const { fetch, seen } = scriptedFetch(failure, failure);
      const events: LogEvent[] = [];
      const { outcome } = await withFakeTime(() => call(fetch, (event) => events.push(event)));
      expect(outcome).toBeInstanceOf(Error);
      // The secrets did go out: the check below would prove nothing otherwise.
      const sent = JSON.stringify(seen.map(({ headers, body }) => ({ headers, body })));
      expect(secrets.some((secret) => sent.includes(JSON.stringify(secret).slice(1, -1)))).toBe(true);
      expect(events.some((event) => event.type === "error")).toBe(true);
      for (const [how, text] of renderings(outcome, events)) {
        for (const secret of secrets) {
          for (const form of forms(secret)) {
            expect(text.includes(form), `${how} shows ${JSON.stringify(form)}:\n${text}`).toBe(false);
          }
        }
      }
    });
  });

  test("the fail-fast RateLimitError and its log hold no credential either", async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3_600);
    const { fetch } = scriptedFetch(
      json({}, 200, { "X-RateLimit-Daily-Remaining": "0", "X-RateLimit-Daily-Reset": reset }),
    );
    const events: LogEvent[] = [];
    const cycle = createCycleSoftwareClient({
      ...common,
      username: CYCLE_USER,
      password: CYCLE_PASSWORD,
      fetch,
      logger: (event) => events.push(event),
    });
    await cycle.getCustomer(1);
    const error = await settle(cycle.updateCustomer(1, { email: "a@b.test" }));
    expect((error as Error).name).toBe("RateLimitError");
    for (const [how, text] of renderings(error, events)) {
      for (const form of [CYCLE_USER, ...forms(CYCLE_PASSWORD), basicCredential(CYCLE_USER, CYCLE_PASSWORD)]) {
        expect(text.includes(form), `${how} shows ${form}`).toBe(false);
      }
    }
  });

  test("what is masked stays readable: the header names, the URL, the status and the other fields", async () => {
    const { fetch } = scriptedFetch((request) => json({ echo: JSON.parse(request.body ?? "{}") }, 422));
    const events: LogEvent[] = [];
    const error = await settle(
      createCubitClient({
        ...common,
        apiKey: CUBIT_KEY,
        environment: "test",
        fetch,
        logger: (e) => events.push(e),
      }).upsertCustomer({ Number: "1234567", SocialSecurityNumber: SSN }),
    );
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "UnprocessableEntityError",
      status: 422,
      url: "https://vendor.test/api/import/test/customer",
      body: { echo: { Number: "1234567", SocialSecurityNumber: "[redacted]" } },
    });
    expect(events[0]).toMatchObject({
      type: "request",
      headers: { "api-key": "[redacted]", "content-type": "application/json" },
    });
  });
});
