import { markdownTable, parseCurl } from "@clientele/testkit/http-transcript";
import { replayFetch, requestTarget } from "@clientele/testkit/replay";
import { loadSpec } from "@clientele/testkit/spec";
import { describe, expect, test } from "vitest";
import {
  ApiError,
  BadRequestError,
  ConflictError,
  type CreateCustomerBody,
  createOnlinewerkroosterClient,
  InternalServerError,
  type OnlinewerkroosterClientOptions,
  UnauthorizedError,
} from "../src/index.js";

// The literal exchange of 002_a6a6d92f5a4cb41b.txt, copied from the document as printed (tabs, the curl's trailing
// slash and its unfinished --data quote included). Kept here as text, not read from the spec's named examples, so a
// mistake in the spec cannot hide a mistake in the client.

const documentedEndpoint = "https://owr-public-services-prod.herokuapp.com/api/customers";

const documentedHeaderTable = `| Name         | Required | Value                                | Remarks                                                      |
| ------------ | -------- | ------------------------------------ | ------------------------------------------------------------ |
| apikey       | Yes      | 3fdae2c8b32348a3855af9f0377191d4     | Unique ID to identify the requester (provided by onlinewerkrooster.be team) |
| content-type | Yes      | application/json                     | JSON data                                                    |
| CustomerKey  | Yes      | 81ad2f9b-6362-4388-9617-96a18524850c | Unique ID to identify the requester. (provided by the onlinewerkrooster.be team) |`;

const documentedBody = `{
 "extCustomerId": 1001,
 "extCustomerNumber": "1001",
 "enterpriseNumber": "BE01234567899",
 "name": "OWR.GG.1001",
 "address": {
   "street": "Louis Pasteurstraat",
   "streetNumber": "15B",
   "city": "Lommel",
   "postalCode": "3920",
        "country": "belgium"
 }
}
`;

const documentedCurl = String.raw`curl --request POST \
  --url https://owr-public-services-dev.herokuapp.com/api/customers/ \
  --header 'apikey: 4C6086B2-4201-4CD6-A94A-BB89684FD0BD' \
  --header 'content-type: application/json' \
  --data '{
 "extCustomerId": 1001,
 "extCustomerNumber": "1001",
 "enterpriseNumber": "BE01234567899",
 "name": "OWR.GG.1001",
 "address": {
   "street": "Louis Pasteurstraat",
   "streetNumber": "15B",
   "city": "Lommel",
   "postalCode": "3920",
        "country": "belgium"
 }
}	
`;

const documentedSuccessResponse = `{
	"companyId": 2,
	"customerId": 10,
	"extCustomerId": 1001
}
`;

const documentedErrorTable = `| Error code                  | Error Message                                    | Explanation                                      | Solution          |
| --------------------------- | ------------------------------------------------ | ------------------------------------------------ | ----------------- |
| 409 - Conflict              | Error code.                                      | Functional error.                                | Check the values. |
| 400 - Bad Request           | Invalid request due to wrong/missing parameters. | Invalid request due to wrong/missing parameters. | Check the values. |
| 401 - Unauthorized          | Not authorized.                                  | Invalid ApiKey                                   | Check the values. |
| 500 - Internal Server Error | An unexpected (technical) error occurred.        |                                                  | Contact Support   |`;

const curl = parseCurl(documentedCurl);
const headerTable = markdownTable(documentedHeaderTable);
const tableValue = (name: string) => headerTable.find((row) => row.Name === name)?.Value as string;

function replay(options: Omit<OnlinewerkroosterClientOptions, "fetch">, answer: () => Response) {
  const { fetch, sent } = replayFetch(answer);
  const client = createOnlinewerkroosterClient({ ...options, fetch });
  return { client, sent };
}

const success = () =>
  new Response(documentedSuccessResponse, { status: 200, headers: { "content-type": "application/json" } });

/** The curl's call: its host is the dev server, its apikey its own; it sends no CustomerKey, so the table's. */
const curlOptions = {
  apiKey: curl.headers.get("apikey") as string,
  customerKey: tableValue("CustomerKey"),
  environment: "dev",
} as const;

describe("Onlinewerkrooster transcript: the curl example of POST api/customers", () => {
  test("the document's Body and the curl's --data are the same customer", () => {
    expect(JSON.parse(curl.body)).toEqual(JSON.parse(documentedBody));
  });

  // Prism serves the spec's examples, so the contract tests are only as faithful as these copies.
  test("the spec's named examples hold the document's Body and success response", () => {
    const examples = loadSpec("onlinewerkrooster").components.examples;
    expect(examples.CreateCustomerRequest.value).toEqual(JSON.parse(documentedBody));
    expect(examples.CreateCustomerSuccess.value).toEqual(JSON.parse(documentedSuccessResponse));
  });

  test("sends the curl's method to the curl's host and path", async () => {
    const { client, sent } = replay(curlOptions, success);
    await client.createCustomer(JSON.parse(curl.body));
    const documented = new URL(curl.url);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe(curl.method);
    expect(sent[0]?.url.origin).toBe(documented.origin);
    // The curl alone ends the path with a slash; the heading "POST api/customers" and the Endpoint do not.
    expect(requestTarget(sent[0]?.url as URL)).toBe(documented.pathname.replace(/\/$/, ""));
    expect(requestTarget(sent[0]?.url as URL)).toBe(new URL(documentedEndpoint).pathname);
  });

  test("sends every header of the curl, with its value", async () => {
    const { client, sent } = replay(curlOptions, success);
    await client.createCustomer(JSON.parse(curl.body));
    expect([...curl.headers].length).toBeGreaterThan(0);
    for (const [name, value] of curl.headers) expect(sent[0]?.headers.get(name)).toBe(value);
  });

  test("also sends CustomerKey, which the curl leaves out but the header table requires", async () => {
    const { client, sent } = replay(curlOptions, success);
    await client.createCustomer(JSON.parse(curl.body));
    expect(sent[0]?.headers.get("CustomerKey")).toBe(tableValue("CustomerKey"));
  });

  test("sends the curl's JSON body", async () => {
    const { client, sent } = replay(curlOptions, success);
    const body: CreateCustomerBody = JSON.parse(curl.body);
    await client.createCustomer(body);
    expect(JSON.parse(sent[0]?.body as string)).toEqual(JSON.parse(curl.body));
  });

  test("resolves to the documented success response", async () => {
    const { client } = replay(curlOptions, success);
    await expect(client.createCustomer(JSON.parse(curl.body))).resolves.toEqual(JSON.parse(documentedSuccessResponse));
  });
});

describe("Onlinewerkrooster transcript: the header table and the Endpoint", () => {
  const required = headerTable.filter((row) => row.Required === "Yes");

  test.each(required)("sends the required header $Name with the table's value", async ({ Name, Value }) => {
    const { client, sent } = replay(
      { apiKey: tableValue("apikey"), customerKey: tableValue("CustomerKey"), environment: "prod" },
      success,
    );
    await client.createCustomer(JSON.parse(documentedBody));
    expect(sent[0]?.headers.get(Name as string)).toBe(Value);
  });

  test("the prod environment posts to the documented Endpoint", async () => {
    const { client, sent } = replay({ ...curlOptions, environment: "prod" }, success);
    await client.createCustomer(JSON.parse(documentedBody));
    expect(sent[0]?.url.href).toBe(documentedEndpoint);
  });
});

describe("Onlinewerkrooster transcript: the error table", () => {
  const classes: Record<number, typeof ApiError> = {
    400: BadRequestError,
    401: UnauthorizedError,
    409: ConflictError,
    500: InternalServerError,
  };
  const errors = markdownTable(documentedErrorTable).map((row) => ({
    code: row["Error code"] as string,
    status: Number.parseInt(row["Error code"] as string, 10),
    message: row["Error Message"] as string,
  }));

  test("lists the four documented statuses", () => {
    expect(errors.map((e) => e.status)).toEqual([409, 400, 401, 500]);
  });

  // The document gives the message, not the body format; the spec infers a plain-text body.
  test.each(errors)("$code rejects with its ApiError, the message as body, after one request", async (error) => {
    const { client, sent } = replay(
      curlOptions,
      () => new Response(error.message, { status: error.status, headers: { "content-type": "text/plain" } }),
    );
    const failure = await client.createCustomer(JSON.parse(documentedBody)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(classes[error.status]);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(error.status);
    expect((failure as ApiError).body).toBe(error.message);
    // A create is not idempotent: even a 500 must not be sent twice.
    expect(sent).toHaveLength(1);
  });
});
