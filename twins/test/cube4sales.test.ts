import { createCube4salesClient } from "@clientele/cube4sales";
import { loadSpec } from "@clientele/testkit/spec";
import { describe, expect, test } from "vitest";
import { CUBE4SALES_STANDARD_FIELDS, loadFixtures } from "../src/index.js";
import { manualClock, twinBehindProxy } from "./support/behind-proxy.js";

const clock = manualClock(Date.UTC(2024, 3, 7, 12, 0, 0));
const env = twinBehindProxy("cube4sales", { now: clock.now });
const cube = () => createCube4salesClient({ account: "demo", baseUrl: env.url, fetch: env.fetch, maxRetries: 0 });

describe("cube4sales twin, behind the validating proxy", () => {
  test("a list shows only its assignment's records: standard fields always, extra fields when they hold data", async () => {
    await cube().createCustomer(
      { customer_id: 1, assignment_id: 9, name: "Company AS" },
      { extraBody: { Region: "Innlandet", Hoved: null } },
    );
    await cube().createCustomer({ customer_id: 2, assignment_id: 10, name: "Other" });
    const [record, ...rest] = await cube().listCustomers({ assignment_id: 9 });
    expect(rest).toEqual([]);
    expect(Object.keys(record ?? {})).toEqual([...CUBE4SALES_STANDARD_FIELDS, "Region"]);
    expect(record).toMatchObject({
      customer_id: 1,
      name: "Company AS",
      city: null,
      more_info_fields: {},
      Region: "Innlandet",
    });
    expect(record?.updated).toBe("2024-04-07");
  });

  test("an update changes the fields it sends, extra ones included, and stamps the date", async () => {
    await cube().createCustomer(
      { customer_id: 1, assignment_id: 9, name: "Before", city: "ELVERUM", zip_code: "2406" },
      { extraBody: { Region: "Innlandet" } },
    );
    clock.advance(86_400_000);
    await cube().updateCustomer(
      1,
      { name: "After", zip_code: null, org_name: "Company AS" },
      { extraBody: { Region: "Viken", Klassifisering: "C" } },
    );
    const [record] = await cube().listCustomers({ assignment_id: 9 });
    expect(record).toMatchObject({
      name: "After",
      city: "ELVERUM",
      zip_code: null,
      org_name: "Company AS",
      Region: "Viken",
      Klassifisering: "C",
    });
    expect(record?.updated).toBe("2024-04-08");
  });

  test("an update of an unknown id answers the documented 200 and changes nothing", async () => {
    await expect(cube().updateCustomer(404, { name: "Nobody" })).resolves.toBeUndefined();
    expect(env.twin.state().customers).toEqual([]);
  });

  test("a create with an id that exists replaces the record", async () => {
    await cube().createCustomer(
      { customer_id: 1, assignment_id: 9, name: "First" },
      { extraBody: { Region: "Innlandet" } },
    );
    await cube().createCustomer({ customer_id: 1, assignment_id: 10, name: "Second" });
    expect(await cube().listCustomers({ assignment_id: 9 })).toEqual([]);
    const [record] = await cube().listCustomers({ assignment_id: 10 });
    expect(record).toMatchObject({ name: "Second" });
    expect(record).not.toHaveProperty("Region");
  });

  test("a CRM id that is no number is stored, updated through the path and listed as sent", async () => {
    await cube().createCustomer({ customer_id: "CRM 7ä", assignment_id: 9, name: "Before" });
    await cube().updateCustomer("CRM 7ä", { name: "After" });
    const [record] = await cube().listCustomers({ assignment_id: 9 });
    expect(record).toMatchObject({ customer_id: "CRM 7ä", name: "After" });
  });

  test("seed(true) holds the document's record of assignment 9, its four extra fields included", async () => {
    env.twin.seed(await loadFixtures("cube4sales"));
    const [record] = await cube().listCustomers({ assignment_id: 9 });
    expect(record).toMatchObject({
      customer_id: 2488539,
      Klassifisering: "C",
      Landsforening: "XYZ",
      Region: "Innlandet",
      Hoved: "Ja",
    });
    expect(record?.updated).toBe("2016-04-07");
  });
});

describe("cube4sales twin, direct", () => {
  test("its standard fields are the spec's Customer fields", () => {
    const customer = loadSpec("cube4sales").components.schemas.Customer;
    expect(CUBE4SALES_STANDARD_FIELDS).toEqual(Object.keys(customer.properties));
    // Every field the spec requires is one the twin always shows.
    expect(customer.required.filter((name: string) => !CUBE4SALES_STANDARD_FIELDS.includes(name))).toEqual([]);
  });

  test.each([
    ["POST", "/crm/customers", { customer_id: 1 }, "`assignment_id` is required"],
    ["PUT", "/crm/customers/1", { assignment_id: 3 }, "`assignment_id` cannot be updated"],
    ["PUT", "/crm/customers/1", { name: 5 }, "`name` must be a string or a null"],
    [
      "POST",
      "/crm/customers",
      { customer_id: 1, assignment_id: 9, zip_code: 2406 },
      "`zip_code` must be a string or a null",
    ],
    ["POST", "/crm/customers", { customer_id: true, assignment_id: 9 }, "`customer_id` must be an integer or a string"],
    ["GET", "/crm/customers?assignment_id=nine", undefined, "the query parameter `assignment_id` must be an integer"],
  ])(
    "%s %s outside the spec is answered as the proxy would: 422 naming the field",
    async (method, path, body, problem) => {
      const response = await env.direct(path, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(response.status).toBe(422);
      expect((await response.json()).problems).toEqual([problem]);
    },
  );
});
