import { replayFetch, requestTarget } from "@clientele/testkit/replay";
import { loadSpec } from "@clientele/testkit/spec";
import { describe, expect, test } from "vitest";
import { type CubitClient, type CustomerUpsert, createCubitClient } from "../src/index.js";

// What 000_edb40a1b32d836a7.txt prints literally, copied as printed: the three customer URLs and the example body.
// The document shows no response, so only the requests are replayed. Kept here as text, not read from the spec's
// named examples, so a mistake in the spec cannot hide a mistake in the client.

const documentedUpsertUrl = "[POST] `https://plants.cubit.no/api/import/{environment}/customer`";
const documentedDeleteUrl = "[DELETE] `https://plants.cubit.no/api/import/{environment}/customer/{number}`";
const documentedRetrieveUrl = "[GET] `https://plants.cubit.no/api/customer/{number}`";

const documentedBody = `{
  "Number": "1234567",
  "FirstName": "Ola",
  "LastName": "Normann",
  ...
}`;

/** The example body without its closing "..." (which says more fields may follow and is not JSON). */
const body: CustomerUpsert = JSON.parse(documentedBody.replace(/,\s*\.\.\.\s*}$/, "}"));
const apiKey = "documented-api-key";

function documentedRequest(line: string, environment: string, number: string) {
  const match = /^\[([A-Z]+)\] `(\S+)`$/.exec(line);
  if (!match) throw new Error(`not a documented URL line: ${line}`);
  const url = (match[2] as string).replace("{environment}", environment).replace("{number}", number);
  return { method: match[1] as string, url };
}

const calls: { line: string; call: (client: CubitClient) => Promise<unknown> }[] = [
  { line: documentedUpsertUrl, call: (client) => client.upsertCustomer(body) },
  { line: documentedDeleteUrl, call: (client) => client.deleteCustomer(body.Number) },
  { line: documentedRetrieveUrl, call: (client) => client.getCustomer(body.Number) },
];

describe.each(["test", "prod"] as const)("Cubit transcript, environment %s", (environment) => {
  function replay() {
    // A JSON body: getCustomer promises one, and an empty 200 would rightly be a ResponseParseError.
    const { fetch, sent } = replayFetch(() => Response.json({}));
    return { client: createCubitClient({ apiKey, environment, fetch }), sent };
  }

  test.each(calls)("$line: the documented method and URL, with the api-key header", async ({ line, call }) => {
    const { client, sent } = replay();
    await call(client);
    const documented = documentedRequest(line, environment, body.Number);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe(documented.method);
    expect(sent[0]?.url.origin + requestTarget(sent[0]?.url as URL)).toBe(documented.url);
    expect(sent[0]?.headers.get("api-key")).toBe(apiKey);
  });

  test("the upsert sends the documented example body as JSON", async () => {
    const { client, sent } = replay();
    await client.upsertCustomer(body);
    expect(sent[0]?.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(sent[0]?.body as string)).toEqual({ Number: "1234567", FirstName: "Ola", LastName: "Normann" });
  });
});

// Prism serves the spec's examples, so the contract tests are only as faithful as this copy.
test("Cubit transcript: the spec's named example holds the document's body", () => {
  expect(loadSpec("cubit").components.examples.CustomerUpsertRequest.value).toEqual(body);
});
