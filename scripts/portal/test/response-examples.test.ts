import { describe, expect, test } from "vitest";
import { addResponseExamples } from "../src/response-examples.js";

function fixture(): any {
  const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/customers": {
        post: {
          operationId: "upsertCustomer",
          tags: ["Customers"],
          requestBody: json({ $ref: "#/components/schemas/CustomerUpsert" }),
          responses: { "200": { description: "ok" } },
        },
      },
      "/customers/{n}": {
        get: {
          operationId: "getCustomer",
          tags: ["Customers"],
          responses: { "200": { description: "ok", ...json({ $ref: "#/components/schemas/Customer" }) } },
        },
      },
      "/plants/{n}": {
        get: {
          operationId: "getPlant",
          tags: ["Plants"],
          responses: { "200": { description: "ok", ...json({ $ref: "#/components/schemas/Plant" }) } },
        },
      },
      "/documented": {
        get: {
          operationId: "getDocumented",
          tags: ["Customers"],
          responses: {
            "200": { description: "ok", content: { "application/json": { schema: {}, example: { kept: true } } } },
            "404": { description: "no", ...json({ $ref: "#/components/schemas/Customer" }) },
          },
        },
      },
    },
    components: {
      schemas: {
        CustomerUpsert: {
          type: "object",
          properties: {
            Number: { type: "string", examples: ["1234567"] },
            FirstName: { type: "string", examples: ["Ola"] },
          },
        },
        Customer: {
          allOf: [
            { type: "object", properties: { Number: { type: "string", examples: ["7654321"] } } },
            {
              type: "object",
              properties: {
                FirstName: { type: "string" },
                ExternalHashID: { type: "string" },
                Phones: { type: "array", items: { type: "object", properties: { number: { example: "+47 1" } } } },
              },
            },
          ],
        },
        Plant: { type: "object", properties: { Number: { type: "string" } } },
      },
    },
  };
}

describe("addResponseExamples", () => {
  const spec = fixture();
  const changed = addResponseExamples(spec);
  const example = (path: string, status = "200") =>
    spec.paths[path].get.responses[status].content["application/json"].example;

  test("composes a response example from the schema's own values and the same resource's request body", () => {
    expect(example("/customers/{n}")).toEqual({ Number: "7654321", FirstName: "Ola", Phones: [{ number: "+47 1" }] });
  });

  test.each([
    ["a response that has an example", "/documented", "200", { kept: true }],
    ["a response of another resource, whose values the spec does not state", "/plants/{n}", "200", undefined],
    ["an error response", "/documented", "404", undefined],
  ])("leaves alone %s", (_, path, status, want) => {
    expect(example(path, status)).toEqual(want);
  });

  test("names the operations it changed", () => {
    expect(changed).toEqual(["getCustomer"]);
  });
});
