// `extraBody`: fields a spec does not name, sent beside the typed body, as they reached a real server. Its misuses
// from plain JavaScript are rows of hostile/inputs.test.ts.

import { testTransport } from "@clientele/testkit/harness";
import { json, scriptedFetch } from "@clientele/testkit/scripted-fetch";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { type UntypedClients, untypedClients } from "./hostile/support/clients.js";
import { type HostileServer, reply, startHostileServer } from "./hostile/support/server.js";

let server: HostileServer;
let clients: UntypedClients;
beforeAll(async () => {
  server = await startHostileServer(reply(200, {}));
  clients = untypedClients(server.url);
});
afterAll(() => server.close());
beforeEach(() => server.answerWith(reply(200, {})));

interface Sent {
  given: (c: UntypedClients) => Promise<unknown>;
  /** The body text exactly as it reached the server. */
  want: string;
}

const sent: [string, Sent][] = [
  [
    'Cubit: the document\'s "..." fields after the typed ones',
    {
      given: (c) => c.cubit.upsertCustomer({ Number: "42", FirstName: "Ola" }, { extraBody: { Tier: "gold" } }),
      want: '{"Number":"42","FirstName":"Ola","Tier":"gold"}',
    },
  ],
  [
    "Cube4sales: assignment-specific fields of any JSON value, null included",
    {
      given: (c) =>
        c.cube.updateCustomer(
          2488539,
          { name: "Lastname, Firstname" },
          { extraBody: { Region: "Innlandet", Hoved: null, more: { a: [1] } } },
        ),
      want: '{"name":"Lastname, Firstname","Region":"Innlandet","Hoved":null,"more":{"a":[1]}}',
    },
  ],
  [
    "an empty body takes the extra fields alone",
    { given: (c) => c.cube.updateCustomer(1, {}, { extraBody: { Region: "Viken" } }), want: '{"Region":"Viken"}' },
  ],
  [
    "an empty extraBody changes nothing",
    { given: (c) => c.cubit.upsertCustomer({ Number: "42" }, { extraBody: {} }), want: '{"Number":"42"}' },
  ],
  [
    "an undefined extra field is left out, as JSON leaves it out of a body",
    {
      given: (c) => c.cubit.upsertCustomer({ Number: "42" }, { extraBody: { Tier: undefined, Rank: 1 } }),
      want: '{"Number":"42","Rank":1}',
    },
  ],
  [
    "an extra field named like one the body left undefined is no collision",
    {
      given: (c) => c.cubit.upsertCustomer({ Number: "42", FirstName: undefined }, { extraBody: { FirstName: "Ola" } }),
      want: '{"Number":"42","FirstName":"Ola"}',
    },
  ],
  [
    "extraBody undefined means none",
    { given: (c) => c.cubit.upsertCustomer({ Number: "42" }, { extraBody: undefined }), want: '{"Number":"42"}' },
  ],
];

describe("extraBody reaches the server merged into the JSON body", () => {
  test.each(sent)("%s", async (_, { given, want }) => {
    await given(clients);
    const [request] = server.received;
    expect(request?.body).toBe(want);
    expect(request?.headers["content-type"]).toBe("application/json");
  });
});

test("an operation whose body is optional sends extraBody alone as its JSON body", async () => {
  const { fetch, seen } = scriptedFetch(json({}));
  const operation = { id: "touchThing", method: "POST", idempotent: false, body: "optional" } as const;
  await testTransport(fetch).send(operation, "/things", undefined, undefined, {
    extraBody: { reason: "audit" },
  } as never);
  expect(seen[0]?.body).toBe('{"reason":"audit"}');
  expect(seen[0]?.headers["content-type"]).toBe("application/json");
});
