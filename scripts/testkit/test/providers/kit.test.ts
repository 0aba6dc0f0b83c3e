import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { expect, test } from "vitest";
import { providers } from "../../src/providers.js";
import { sampleOptions } from "../../src/sample-options.js";
import { loadSpec, operationIds } from "../../src/spec.js";

test("every registry provider has a kit, in registry order, its client built from the sample's options", async () => {
  expect(providers.map((p) => p.id)).toEqual((await readRegistry(repoRoot)).map((p) => p.id));
  for (const kit of providers) {
    const client = kit.createClient({ ...kit.options, fetch: async () => new Response() });
    for (const id of operationIds(loadSpec(kit.id))) expect(typeof client[id], `${kit.id}.${id}`).toBe("function");
    expect(kit.factoryName).toMatch(/^create\w+Client$/);
  }
});

// The test kit resolves each provider's package by name, so it must depend on every one.
test("the test kit depends on every registry provider's package", async () => {
  const { dependencies } = await import("../../package.json", { with: { type: "json" } }).then((m) => m.default);
  expect(Object.keys(dependencies)).toEqual(expect.arrayContaining(providers.map((p) => p.packageName)));
});

test.each([
  [
    "credentials are placeholders, filled and listed as secrets",
    `createShopClient({ apiKey: "<apiKey>", environment: "test", retries: 2, strict: true })`,
    {
      options: { apiKey: "secret-apiKey-4711", environment: "test", retries: 2, strict: true },
      secrets: ["secret-apiKey-4711"],
    },
  ],
  [
    "the first call is read",
    `createShopClient({ a: "1" }); createShopClient({ a: "2" });`,
    { options: { a: "1" }, secrets: [] },
  ],
])("sampleOptions: %s", (_, samples, want) => {
  expect(sampleOptions(samples, "createShopClient")).toEqual(want);
});

test.each([
  ["no call of the factory", `createOtherClient({})`, /no sample calls createShopClient/],
  ["a value that is not a literal", `createShopClient({ apiKey: process.env.KEY })`, /is not a literal/],
])("sampleOptions refuses %s", (_, samples, error) => {
  expect(() => sampleOptions(samples, "createShopClient")).toThrow(error);
});
