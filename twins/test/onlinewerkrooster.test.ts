import { type CustomerCreate, createOnlinewerkroosterClient } from "@clientele/onlinewerkrooster";
import { describe, expect, test } from "vitest";
import { rejection, twinBehindProxy } from "./support/behind-proxy.js";

const env = twinBehindProxy("onlinewerkrooster");

const owr = (apiKey = "demo-apikey", customerKey = "demo-customerkey") =>
  createOnlinewerkroosterClient({
    apiKey,
    customerKey,
    environment: "dev",
    baseUrl: env.url,
    fetch: env.fetch,
    maxRetries: 0,
  });

const customer = (id: number): CustomerCreate => ({
  extCustomerId: id,
  extCustomerNumber: String(id),
  enterpriseNumber: "BE01234567899",
  name: `OWR.GG.${id}`,
  address: { city: "Lommel" },
});

describe("onlinewerkrooster twin, behind the validating proxy", () => {
  test("create assigns customer ids in order and echoes the external id", async () => {
    expect(await owr().createCustomer(customer(1001))).toEqual({ companyId: 2, customerId: 1, extCustomerId: 1001 });
    expect(await owr().createCustomer(customer(1002))).toEqual({ companyId: 2, customerId: 2, extCustomerId: 1002 });
    expect(env.twin.state().customers.map((c) => c.extCustomerNumber)).toEqual(["1001", "1002"]);
  });

  test.each([
    ["extCustomerId", { ...customer(1001), extCustomerNumber: "other" }],
    ["extCustomerNumber", { ...customer(1001), extCustomerId: 9999 }],
  ])("a second customer with the same %s is a 409 with the documented message", async (_, duplicate) => {
    await owr().createCustomer(customer(1001));
    const error = await rejection(owr().createCustomer(duplicate));
    expect([error.status, error.body]).toEqual([409, "Error code."]);
    expect(env.twin.state().customers).toHaveLength(1);
  });

  test.each([
    ["a wrong apikey", "wrong", "demo-customerkey"],
    ["a wrong CustomerKey", "demo-apikey", "wrong"],
  ])("%s is a 401 with the documented message", async (_, apiKey, customerKey) => {
    const error = await rejection(owr(apiKey, customerKey).createCustomer(customer(1)));
    expect([error.status, error.body]).toEqual([401, "Not authorized."]);
  });
});

describe("onlinewerkrooster twin, direct", () => {
  test.each([
    ["without address.city", { ...customer(1), address: {} }, "`address.city` is required"],
    ["with a text extCustomerId", { ...customer(1), extCustomerId: "1" }, "`extCustomerId` must be an integer"],
  ])("a body %s is the documented 400, naming the field", async (_, body, reason) => {
    const response = await env.direct("/api/customers", {
      method: "POST",
      headers: { apikey: "demo-apikey", CustomerKey: "demo-customerkey", "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("Invalid request due to wrong/missing parameters.");
    expect(response.headers.get("x-twin-reason")).toBe(reason);
  });

  test("credentials are configurable", async () => {
    const { startTwin } = await import("../src/index.js");
    const twin = await startTwin("onlinewerkrooster", { options: { apiKey: "k", customerKey: "c", companyId: 7 } });
    try {
      const client = createOnlinewerkroosterClient({
        apiKey: "k",
        customerKey: "c",
        environment: "dev",
        baseUrl: twin.url,
      });
      expect(await client.createCustomer(customer(5))).toEqual({ companyId: 7, customerId: 1, extCustomerId: 5 });
    } finally {
      await twin.stop();
    }
  });
});
