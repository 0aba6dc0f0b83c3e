import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import type { SchemaRef } from "@clientele/registry/spec-walk";
import { listOperations } from "@clientele/registry/spec-walk";
import { loadSpec } from "@clientele/testkit/spec";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { type Factory, factoryOf, readClientModel } from "../src/client-options.ts";
import { literal, readSamples, renderSamples, schemaExample } from "../src/render-samples.ts";
import { asSpec, formatted } from "./support/spec.ts";

const root = repoRoot;
const fixture = () => parse(readFileSync(join(import.meta.dirname, "fixtures", "shop.yaml"), "utf8"));
const shopFactory: Factory = {
  name: "createShopClient",
  required: [
    { name: "apiKey", type: { kind: "string" } },
    { name: "stage", type: { kind: "literal", values: ["draft", "live"] } },
  ],
};

describe("samples.ts for a fixture spec", () => {
  const text = formatted(renderSamples(fixture(), { packageName: "@acme/shop", factory: shopFactory }));

  test("renders one sample per operation", async () => {
    await expect(text).resolves.toMatchFileSnapshot("__snapshots__/shop.samples.ts.snap");
  });

  test("reads back, formatted, as the code a reader would write, import included", async () => {
    const samples = readSamples(await text);
    expect([...samples.keys()]).toEqual(["listItems", "createItem", "deleteItem", "updateItem"]);
    // A call with both a body and a query passes them in that order.
    expect(samples.get("updateItem")?.replace(/\s+|,(?=\s*[)}])/g, "")).toContain(
      'awaitshop.updateItem(1,{name:"<name>"},{notify:true})',
    );
    expect(samples.get("deleteItem")).toBe(
      [
        'import { createShopClient } from "@acme/shop";',
        "",
        'const shop = createShopClient({ apiKey: "<apiKey>", stage: "draft" });',
        "await shop.deleteItem(1);",
        "",
      ].join("\n"),
    );
  });
});

describe("literal", () => {
  test.each([
    ["a string", 'a"b', '"a\\"b"'],
    ["null", null, "null"],
    ["identifier and other keys", { a: 1, "b-c": true }, '{ a: 1, "b-c": true }'],
    ["an empty object", {}, "{}"],
    ["an array", [1, "x"], '[1, "x"]'],
  ])("%s", (_, value, expected) => {
    expect(literal(value)).toBe(expected);
  });

  test("lays a long object out one property a line, keeping short children inline", () => {
    const value = { name: "x".repeat(60), nested: { a: 1 }, list: ["y".repeat(70)] };
    expect(literal(value)).toBe(
      `{\n  name: "${"x".repeat(60)}",\n  nested: { a: 1 },\n  list: [\n    "${"y".repeat(70)}",\n  ],\n}`,
    );
  });
});

describe("schemaExample", () => {
  test.each([
    ["its first example", { type: "string", examples: ["a", "b"] }, "a"],
    ["its default", { type: "integer", default: 5 }, 5],
    ["its first enum value", { type: "string", enum: ["x", "y"] }, "x"],
    ["a placeholder named after the field", { type: "string" }, "<field>"],
    ["1 for a number", { type: ["integer", "null"] }, 1],
    ["the first branch of a oneOf", { oneOf: [{ type: "boolean" }, { type: "string" }] }, true],
    [
      "required and exemplified properties of an object, never read-only ones",
      {
        type: "object",
        required: ["id", "name"],
        properties: {
          id: { type: "integer", readOnly: true },
          name: { type: "string" },
          note: { type: "string", examples: ["hi"] },
          skipped: { type: "string" },
        },
      },
      { name: "<name>", note: "hi" },
    ],
  ])("gives %s", (_, schema, expected) => {
    expect(schemaExample(asSpec({}), schema as SchemaRef, "field")).toEqual(expected);
  });
});

describe("the factory the samples call", () => {
  test("comes from the spec: its name and required options, with the values a sample may use", () => {
    expect(factoryOf(readClientModel(loadSpec("cubit"), "cubit"))).toEqual({
      name: "createCubitClient",
      required: [
        { name: "apiKey", type: { kind: "string" } },
        { name: "environment", type: { kind: "literal", values: ["test", "prod"] } },
      ],
    });
  });
});

describe.each((await readRegistry(root)).map((p) => [p.id, p.packageDir]))("the committed %s samples", (id, dir) => {
  test("cover every operation of the spec", () => {
    const samples = readSamples(readFileSync(join(root, dir, "src", "generated", "samples.ts"), "utf8"));
    const operations = listOperations(loadSpec(id)).map((o) => o.operation.operationId);
    expect([...samples.keys()].sort()).toEqual(operations.sort());
  });
});
