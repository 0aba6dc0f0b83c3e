import { type CubitClient, createCubitClient } from "@clientele/cubit";
import { describe, expect, test } from "vitest";
import { rejection, twinBehindProxy } from "./support/behind-proxy.js";

const env = twinBehindProxy("cubit");

function cubit(environment: "test" | "prod", apiKey = `${environment}-api-key`): CubitClient {
  return createCubitClient({ apiKey, environment, baseUrl: env.url, fetch: env.fetch, maxRetries: 0 });
}

describe("cubit twin, behind the validating proxy", () => {
  test("an upsert creates, a second one updates: fields sent replace, fields not sent are kept", async () => {
    await cubit("test").upsertCustomer(
      { Number: "1001", FirstName: "Ola", LastName: "Normann" },
      { extraBody: { Tier: "gold" } },
    );
    await cubit("test").upsertCustomer({ Number: "1001", FirstName: "Kari" });
    expect(await cubit("test").getCustomer("1001")).toEqual({
      Number: "1001",
      FirstName: "Kari",
      LastName: "Normann",
      Tier: "gold",
    });
  });

  test("SocialSecurityNumber is never stored or returned, only its hash as ExternalHashID", async () => {
    const ssn = "01017012345";
    await cubit("test").upsertCustomer({ Number: "7", SocialSecurityNumber: ssn, LastName: "Hansen" });
    const customer = await cubit("test").getCustomer("7");
    expect(customer).not.toHaveProperty("SocialSecurityNumber");
    expect(customer.ExternalHashID).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(env.twin.state())).not.toContain(ssn);
    expect(JSON.stringify(env.twin.exchanges.map((e) => e.status))).toBe("[200,200]");
  });

  test("the same number with the same SocialSecurityNumber hashes alike; another number differs", async () => {
    await cubit("test").upsertCustomer({ Number: "1", SocialSecurityNumber: "01017012345" });
    await cubit("test").upsertCustomer({ Number: "2", SocialSecurityNumber: "01017012345" });
    await cubit("test").upsertCustomer({ Number: "3", SocialSecurityNumber: "02028054321" });
    const [one, two, three] = await Promise.all(["1", "2", "3"].map((n) => cubit("test").getCustomer(n)));
    expect(one?.ExternalHashID).toBe(two?.ExternalHashID);
    expect(one?.ExternalHashID).not.toBe(three?.ExternalHashID);
  });

  test("test and prod are kept apart; a get reads the environment of its key", async () => {
    await cubit("test").upsertCustomer({ Number: "42", FirstName: "Test" });
    expect((await rejection(cubit("prod").getCustomer("42"))).status).toBe(404);
    await cubit("prod").upsertCustomer({ Number: "42", FirstName: "Prod" });
    expect((await cubit("test").getCustomer("42")).FirstName).toBe("Test");
    expect((await cubit("prod").getCustomer("42")).FirstName).toBe("Prod");
  });

  test.each([
    ["upsertCustomer", (c: CubitClient) => c.upsertCustomer({ Number: "1" })],
    ["deleteCustomer", (c: CubitClient) => c.deleteCustomer("1")],
    ["upsertPlant", (c: CubitClient) => c.upsertPlant({ Number: "1" })],
    ["deletePlant", (c: CubitClient) => c.deletePlant("1")],
  ])("%s with the other environment's key is a 400", async (_, call) => {
    const error = await rejection(call(cubit("prod", "test-api-key")));
    expect(error.status).toBe(400);
    expect(env.twin.state().prod.customers).toEqual([]);
  });

  test.each([
    ["upsertCustomer", (c: CubitClient) => c.upsertCustomer({ Number: "1" })],
    ["getCustomer", (c: CubitClient) => c.getCustomer("1")],
    ["deleteCustomer", (c: CubitClient) => c.deleteCustomer("1")],
    ["getPlant", (c: CubitClient) => c.getPlant("1")],
  ])("%s with a key of neither environment is a 401", async (_, call) => {
    expect((await rejection(call(cubit("test", "not-a-key")))).status).toBe(401);
  });

  test("a delete removes the customer; deleting what is not there is still a 200", async () => {
    await cubit("test").upsertCustomer({ Number: "5", FirstName: "Gone" });
    await cubit("test").deleteCustomer("5");
    expect((await rejection(cubit("test").getCustomer("5"))).status).toBe(404);
    await expect(cubit("test").deleteCustomer("5")).resolves.toBeUndefined();
  });

  test("plants have their own numbers, per environment", async () => {
    await cubit("test").upsertPlant({ Number: "5" }, { extraBody: { Capacity: 12 } });
    await cubit("test").upsertCustomer({ Number: "5", FirstName: "Customer" });
    expect(await cubit("test").getPlant("5")).toEqual({ Number: "5", Capacity: 12 });
    expect((await rejection(cubit("prod").getPlant("5"))).status).toBe(404);
    await cubit("test").deletePlant("5");
    expect((await rejection(cubit("test").getPlant("5"))).status).toBe(404);
    expect((await cubit("test").getCustomer("5")).FirstName).toBe("Customer");
  });

  test("reset empties both environments; seed upserts fixtures, hashing their SocialSecurityNumber", async () => {
    env.twin.seed({ prod: { customers: [{ Number: "9", SocialSecurityNumber: "01017012345" }] } });
    expect((await cubit("prod").getCustomer("9")).ExternalHashID).toMatch(/^[0-9a-f]{64}$/);
    env.twin.reset();
    expect((await rejection(cubit("prod").getCustomer("9"))).status).toBe(404);
  });
});

describe("cubit twin, direct (what the proxy would refuse before the twin sees it)", () => {
  test.each([
    ["no api-key", {}, 401, "the api-key header is missing"],
    ["a body without Number", { "api-key": "test-api-key" }, 400, "`Number` is required"],
  ])("%s is a %i naming the fault", async (_, headers, status, reason) => {
    const response = await env.direct("/api/import/test/customer", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ FirstName: "Ola" }),
    });
    expect(response.status).toBe(status);
    expect(response.headers.get("x-twin-reason")).toBe(reason);
  });

  test("seed names the fixture at fault", () => {
    // @ts-expect-error: a fixture read from JSON is not type-checked; the twin checks it as the API would
    expect(() => env.twin.seed({ test: { customers: [{ FirstName: "no number" }] } })).toThrow(
      "cubit twin: seed test.customers[0]: `Number` is required",
    );
  });
});
