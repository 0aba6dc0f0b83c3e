import { type CycleSoftwareClient, createCycleSoftwareClient, type FindCustomersQuery } from "@clientele/cyclesoftware";
import { describe, expect, test } from "vitest";
import { loadFixtures, startTwin } from "../src/index.js";
import { manualClock, rejection, twinBehindProxy } from "./support/behind-proxy.js";

const clock = manualClock(Date.UTC(2024, 0, 15, 9, 0, 0));
const env = twinBehindProxy("cyclesoftware", { now: clock.now, options: { pageSize: 2, perMinute: 8, perDay: 40 } });

function cycle(password = "demo"): CycleSoftwareClient {
  return createCycleSoftwareClient({ username: "demo", password, baseUrl: env.url, fetch: env.fetch, maxRetries: 0 });
}

const ids = (customers: { customer_id?: number }[]) => customers.map((c) => c.customer_id);

describe("cyclesoftware twin, behind the validating proxy", () => {
  test("create assigns an id and the creation time; get returns it; update keeps what it does not send", async () => {
    const created = await cycle().createCustomer({
      first_name: "Tim",
      name: "LastName",
      city: "Nistelrode",
      customer_id: 999,
      phone_numbers: [{ phone_number_id: "mob", phone_number: "06-12345678", name: "T" }],
    });
    expect(created).toMatchObject({ customer_id: 1, datetime_created: "2024-01-15 09:00:00", first_name: "Tim" });
    expect(created.phone_numbers).toEqual([
      { phone_number_id: "mob", customer_id: 1, phone_number: "06-12345678", name: "T" },
    ]);
    const updated = await cycle().updateCustomer(1, { city: "Rosmalen" });
    expect(updated).toMatchObject({ customer_id: 1, first_name: "Tim", city: "Rosmalen" });
    expect(await cycle().getCustomer(1)).toEqual(updated);
  });

  test.each([
    ["getCustomer", (c: CycleSoftwareClient) => c.getCustomer(77)],
    ["updateCustomer", (c: CycleSoftwareClient) => c.updateCustomer(77, { name: "x" })],
  ])("%s of an unknown id is a 404", async (_, call) => {
    expect((await rejection(call(cycle()))).status).toBe(404);
  });

  test("wrong Basic credentials are a 401 and spend no allowance", async () => {
    expect((await rejection(cycle("wrong").getCustomer(1))).status).toBe(401);
    expect(env.twin.state().minuteRemaining).toBe(8);
  });

  test.each<[string, FindCustomersQuery, number[]]>([
    ["phone_number, by digits", { phone_number: "0733030050" }, [8, 11, 1006]],
    ["postal_code, ignoring case and spaces", { postal_code: "5388 gm" }, [1006]],
    ["housenumber", { housenumber: "32" }, [8]],
    ["housenumber_postfix", { housenumber_postfix: "b" }, [8, 11]],
    ["email", { email: "NAME@domain.nl" }, [1006]],
    ["query, in names", { query: "wijger" }, [11]],
    ["query, in the company name", { query: "company name" }, [1006]],
    ["country_code", { country_code: "be" }, [11]],
    ["customer_type_id", { customer_type_id: 3 }, [11]],
    ["several, all of which must match", { postal_code: "8448PE", housenumber: "32", housenumber_postfix: "B" }, [8]],
    ["a filter nothing matches", { email: "nobody@example.com" }, []],
  ])("find by %s", async (_, query, expected) => {
    env.twin.seed(await loadFixtures("cyclesoftware"));
    expect(ids(await cycle().findCustomers(query))).toEqual(expected);
  });

  test("list pages by offset in id order until next_offset is null", async () => {
    for (const name of ["a", "b", "c", "d", "e"]) await cycle().createCustomer({ name });
    const pages = [];
    for await (const page of cycle().listCustomers().pages()) pages.push([ids(page.customers ?? []), page.pagination]);
    expect(pages).toEqual([
      [[1, 2], { count: 2, next_offset: 2 }],
      [[3, 4], { count: 2, next_offset: 4 }],
      [[5], { count: 1, next_offset: null }],
    ]);
  });

  test("modified_since lists the customers created or changed at or after that time", async () => {
    for (const name of ["a", "b", "c"]) await cycle().createCustomer({ name });
    clock.advance(60_000);
    await cycle().updateCustomer(2, { city: "Heerenveen" });
    const changed = [];
    for await (const customer of cycle().listCustomers({ modified_since: "2024-01-15 09:01:00" }))
      changed.push(customer);
    expect(ids(changed)).toEqual([2]);
    expect(
      ids(
        await cycle()
          .listCustomers({ modified_since: "2024-01-15 09:00:00" })
          .then((p) => p.customers ?? []),
      ),
    ).toEqual([1, 2]);
  });

  test("a list with a negative offset answers the documented in-body error, which the client rejects", async () => {
    const error = await rejection(cycle().listCustomers({ offset: -1 }));
    expect(error).toMatchObject({ name: "InBodyError", status: 200, errorMessage: "offset must be 0 or more" });
    expect(error.body).toEqual({
      error: true,
      error_message: "offset must be 0 or more",
      customers: [],
      pagination: { count: 0, next_offset: null },
    });
  });
});

describe("cyclesoftware twin's rate limit, behind the validating proxy", () => {
  test("the minute allowance counts down in the headers, refuses with 429 at 0 and refills the next minute", async () => {
    clock.advance(60_000 - (clock.now() % 60_000));
    const client = cycle();
    const seen = [];
    for (let i = 0; i < 8; i++) {
      await client.findCustomers({ query: "x" });
      seen.push(client.rateLimit?.minuteRemaining);
    }
    expect(seen.slice(0, 3)).toEqual([7, 6, 5]);
    expect(seen.at(-1)).toBe(0);
    const refused = await rejection(client.getCustomer(1));
    expect(refused.status).toBe(429);
    expect(client.rateLimit).toMatchObject({ minuteLimit: 8, minuteRemaining: 0, dayLimit: 40, dayRemaining: 32 });
    clock.advance(60_000);
    await client.findCustomers({ query: "x" });
    expect(client.rateLimit).toMatchObject({ minuteRemaining: 7, dayRemaining: 31 });
  });

  test("the daily allowance refuses with 429 once spent and refills at the next UTC midnight", async () => {
    const twin = await startTwin("cyclesoftware", { now: clock.now, options: { perDay: 3 } });
    try {
      const client = createCycleSoftwareClient({
        username: "demo",
        password: "demo",
        baseUrl: twin.url,
        maxRetries: 0,
      });
      for (let i = 0; i < 3; i++) await client.findCustomers();
      const midnight = Date.UTC(2024, 0, 16) / 1000;
      expect(client.rateLimit).toMatchObject({ dayRemaining: 0, dayReset: new Date(midnight * 1000) });
      expect((await rejection(client.findCustomers())).status).toBe(429);
      clock.advance(midnight * 1000 - clock.now());
      await expect(client.findCustomers()).resolves.toEqual([]);
    } finally {
      await twin.stop();
    }
  });
});

describe("cyclesoftware twin, direct", () => {
  test.each([
    [
      "a text discount_percentage",
      "POST",
      "/api/v1/customers.json",
      { discount_percentage: "10" },
      "`discount_percentage` must be a number",
    ],
    [
      "a phone number without its fields typed",
      "PUT",
      "/api/v1/customers/1.json",
      { phone_numbers: [{ phone_number: 6 }] },
      "`phone_numbers[0].phone_number` must be a string",
    ],
  ])("%s is answered as the proxy would: 422 naming the field", async (_, method, path, body, problem) => {
    const response = await env.direct(path, {
      method,
      headers: { authorization: `Basic ${btoa("demo:demo")}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(422);
    expect((await response.json()).problems).toEqual([problem]);
  });

  test("options are checked by name", async () => {
    await expect(startTwin("cyclesoftware", { options: { perMinute: 0 } })).rejects.toThrow(
      'createCycleSoftwareTwin: option "perMinute" must be a positive integer',
    );
  });
});
