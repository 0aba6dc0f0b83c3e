import { replayFetch } from "@clientele/testkit/replay";
import { loadSpec } from "@clientele/testkit/spec";
import { describe, expect, test } from "vitest";
import { type Cube4salesClient, createCube4salesClient } from "../src/index.js";

// What 003_26256d138a21d3aa.txt prints literally, copied as printed: the three request lines and the example response
// for assignment #9 (which ends in "}," as a fragment of a longer list). Kept here as text, not read from the spec's
// named examples, so a mistake in the spec cannot hide a mistake in the client.

const documentedCreate = "**POST** ```https://YOURACCOUNT.cube4sales.com/crm/customers```";
const documentedUpdate = "**PUT** ```https://YOURACCOUNT.cube4sales.com/crm/customers/{customer_id}```";
const documentedRetrieve = "**GET** ```https://YOURACCOUNT.cube4sales.com/crm/customers?assignment_id={ID}```";

const documentedExampleResponse = `{
    "customer_id": 2488539,
    "name": "Lastname, Firstname",
    "gender": null,
    "birth_date": null,
    "assignment_id": 9,
    "care_of_name": null,
    "address_street": null,
    "address_street_no": null,
    "address_entrance": null,
    "zip_code": null,
    "city": "ELVERUM",
    "municipality": null,
    "county": "Hedmark",
    "country": null,
    "phone_1": "99999999",
    "phone_2": null,
    "phone_3": null,
    "email": null,
    "more_info_fields": {},
    "updated": "2016-04-07",
    "updated_by": "magnus@headshed.no",
    "update_method": "Import new",
    "org_number": "989898981",
    "org_number_main": "999911111",
    "org_name": "Company AS",
    "nace_code": null,
    "nace_text": "Utgivelse av blader og tidsskrifter",
    "number_of_employees": "6",
    "company_type": null,
    "established": null,
    "credit_rating": null,
    "need_to_know": null,
    "url": null,
    "company_email": "company@domain.no",
    "revenue": null,
    "po_box": null,
    "postal_address": null,
    "postal_zip": null,
    "postal_city": null,
    "Klassifisering": "C",
    "Landsforening": "XYZ",
    "Region": "Innlandet",
    "Hoved": "Ja"
  },
`;

/** The example as the whole response: the one record it prints, in the list its trailing "}," cuts off. */
const exampleList = JSON.parse(`[${documentedExampleResponse.trim().replace(/,$/, "")}]`);
const record = exampleList[0];

/** The document names no auth scheme; whatever the vendor issues travels in `headers`. */
const credentialHeaders = { authorization: "Bearer vendor-issued-token" };

function documentedRequest(line: string, values: Record<string, string | number>) {
  const match = /^\*\*([A-Z]+)\*\* ```(\S+)```$/.exec(line);
  if (!match) throw new Error(`not a documented request line: ${line}`);
  const url = (match[2] as string).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
  return { method: match[1] as string, url: new URL(url).href };
}

function replay(answer: () => Response) {
  const { fetch, sent } = replayFetch(answer);
  return { client: createCube4salesClient({ account: "YOURACCOUNT", headers: credentialHeaders, fetch }), sent };
}

const ok = () => new Response(null, { status: 200 });
const listed = () =>
  new Response(JSON.stringify(exampleList), { status: 200, headers: { "content-type": "application/json" } });

const requests: {
  line: string;
  values: Record<string, number>;
  answer: () => Response;
  call: (client: Cube4salesClient) => Promise<unknown>;
  body?: unknown;
}[] = [
  {
    line: documentedCreate,
    values: {},
    answer: ok,
    call: (client) =>
      client.createCustomer({
        customer_id: record.customer_id,
        assignment_id: record.assignment_id,
        name: record.name,
      }),
    body: { customer_id: 2488539, assignment_id: 9, name: "Lastname, Firstname" },
  },
  {
    line: documentedUpdate,
    values: { customer_id: record.customer_id },
    answer: ok,
    call: (client) => client.updateCustomer(record.customer_id, { name: record.name }),
    body: { name: "Lastname, Firstname" },
  },
  {
    line: documentedRetrieve,
    values: { ID: 9 },
    answer: listed,
    call: (client) => client.listCustomers({ assignment_id: 9 }),
  },
];

describe.each(requests)("Cube4sales transcript: $line", ({ line, values, answer, call, body }) => {
  test("sends the documented method and URL on the account's subdomain, with the vendor's headers", async () => {
    const { client, sent } = replay(answer);
    await call(client);
    const documented = documentedRequest(line, values);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe(documented.method);
    expect(sent[0]?.url.href).toBe(documented.url);
    expect(sent[0]?.headers.get("authorization")).toBe(credentialHeaders.authorization);
  });

  test(body === undefined ? "sends no body" : "sends the parameters as a JSON body", async () => {
    const { client, sent } = replay(answer);
    await call(client);
    if (body === undefined) {
      expect(sent[0]?.body).toBe("");
    } else {
      expect(sent[0]?.headers.get("content-type")).toBe("application/json");
      expect(JSON.parse(sent[0]?.body as string)).toEqual(body);
    }
  });
});

test("Cube4sales transcript: the update answers the documented 200 OK without a body", async () => {
  const { client } = replay(ok);
  await expect(client.updateCustomer(record.customer_id, { name: record.name })).resolves.toBeUndefined();
});

test("Cube4sales transcript: assignment 9's example record parses whole, assignment-specific fields included", async () => {
  const { client } = replay(listed);
  const customers = await client.listCustomers({ assignment_id: 9 });
  expect(customers).toEqual(exampleList);
  expect(customers[0]).toMatchObject({ Klassifisering: "C", Landsforening: "XYZ", Region: "Innlandet", Hoved: "Ja" });
  expect(customers[0]?.city).toBe("ELVERUM");
});

// Prism serves the spec's examples, so the contract tests are only as faithful as this copy.
test("Cube4sales transcript: the spec's named example holds the document's record", () => {
  expect(loadSpec("cube4sales").components.examples.CustomersOfAssignment9.value).toEqual(exampleList);
});
