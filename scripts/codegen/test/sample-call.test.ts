// Reading a generated sample's calls back as values: what the package smoke test replays and the test kit builds
// clients with.
import { describe, expect, test } from "vitest";
import { factoryOptions, sampleCall } from "../src/sample-call.ts";

describe("sampleCall", () => {
  const sample = (body: string) =>
    `import { createAcmeClient } from "@acme/client";\n\n// sample: getThing\nasync function getThingSample() {\n${body}\n}\n`;

  test("reads the factory, its options and the operation's arguments as values", () => {
    const text = sample(
      '  const acme = createAcmeClient({ apiKey: "<apiKey>", region: "eu", "x-trace": true });\n' +
        '  const thing = await acme.getThing(-7, { tags: ["a", null], nested: { n: 1.5 } });',
    );
    expect(sampleCall(text, "getThing")).toEqual({
      factory: "createAcmeClient",
      options: { apiKey: "<apiKey>", region: "eu", "x-trace": true },
      args: [-7, { tags: ["a", null], nested: { n: 1.5 } }],
    });
  });

  test.each([
    [
      "a computed argument",
      "  const acme = createAcmeClient({});\n  await acme.getThing(Date.now());",
      "CallExpression",
    ],
    [
      "a spread option",
      "  const acme = createAcmeClient({ ...defaults });\n  await acme.getThing(1);",
      "not a plain property",
    ],
    ["no call of the operation", "  const acme = createAcmeClient({});", "no getThing call"],
  ])("refuses %s, naming the operation", (_, body, reason) => {
    expect(() => sampleCall(sample(body), "getThing")).toThrow(new RegExp(`samples.ts, getThing: .*${reason}`));
  });

  test("a samples file without the operation's sample asks for `pnpm generate`", () => {
    expect(() => sampleCall(sample(""), "listThings")).toThrow("no listThingsSample function; run `pnpm generate`");
  });
});

describe("factoryOptions", () => {
  test.each([
    [
      "the options of the factory's first call",
      `createShopClient({ apiKey: "<apiKey>", stage: "live", retries: 2 }); createShopClient({ a: "2" });`,
      { apiKey: "<apiKey>", stage: "live", retries: 2 },
    ],
    ["a call without options", "createShopClient();", {}],
  ])("%s", (_, samples, want) => {
    expect(factoryOptions(samples, "createShopClient")).toEqual(want);
  });

  test.each([
    ["no call of the factory", "createOtherClient({})", "no sample calls createShopClient"],
    [
      "a value that is not a literal",
      "createShopClient({ apiKey: process.env.KEY })",
      "PropertyAccessExpression is not a literal",
    ],
    ["options that are not an object", 'createShopClient("k")', "options are not an object literal"],
  ])("refuses %s", (_, samples, reason) => {
    expect(() => factoryOptions(samples, "createShopClient")).toThrow(reason);
  });
});
