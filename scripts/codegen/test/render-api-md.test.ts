import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SchemaRef } from "@clientele/registry/spec-walk";
import { loadSpec } from "@clientele/testkit/spec";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { renderApiMd, typeName } from "../src/render-api-md.ts";
import { asSpec } from "./support/spec.ts";

describe("typeName", () => {
  test.each([
    ["a component", { $ref: "#/components/schemas/Customer" }, "Customer"],
    ["an integer", { type: "integer" }, "number"],
    ["a nullable string", { type: ["string", "null"] }, "string | null"],
    ["an enum", { enum: ["test", "prod"] }, '"test" | "prod"'],
    [
      "an array of a union",
      { type: "array", items: { oneOf: [{ type: "integer" }, { type: "string" }] } },
      "(number | string)[]",
    ],
    ["a forbidden field", { not: {} }, "never"],
    ["nothing", undefined, "unknown"],
  ])("writes %s as %s", (_, schema, want) => {
    expect(typeName(asSpec({}), schema as SchemaRef)).toBe(want);
  });
});

describe("renderApiMd", () => {
  const md = renderApiMd(loadSpec("cyclesoftware"), {
    packageName: "@clientele/cyclesoftware",
    variable: "cycle",
    factory: "createCycleSoftwareClient",
  });

  test("lists every operation with its parameters and result type", () => {
    expect(md).toMatch(/cycle\.<a [^>]+>getCustomer<\/a>\(customerId: number, options\?\) -> Customer<\/code>/);
    expect(md).toMatch(/cycle\.<a [^>]+>listCustomers<\/a>\(query\?: \{ [^}]*modified_since\?: string/);
    expect(md).toContain("an async iterable of every item, page after page");
  });

  test("an operation with a body and a query lists both, in call order", () => {
    const shop = parse(readFileSync(join(import.meta.dirname, "fixtures", "shop.yaml"), "utf8"));
    const text = renderApiMd(shop, { packageName: "@acme/shop", variable: "shop", factory: "createShopClient" });
    expect(text).toContain(
      "updateItem</a>(id: number, body: ItemInput, query?: { notify?: boolean }, options?) -> Item",
    );
  });

  test("lists a body's fields, required ones without `?`, read-only ones left out", () => {
    const spec = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/notes": {
          post: {
            operationId: "createNote",
            requestBody: {
              required: true,
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["title"],
                    properties: {
                      id: { type: "integer", readOnly: true },
                      title: { type: "string" },
                      tags: { type: "array", items: { type: "string" } },
                    },
                  },
                },
              },
            },
            responses: { "204": { description: "done" } },
          },
        },
      },
    };
    const text = renderApiMd(asSpec(spec), { packageName: "p", variable: "client", factory: "createClient" });
    expect(text).toContain("createNote</a>(body: object, options?) -> void</code>");
    expect(text).toContain("<br><code>body: { title: string; tags?: string[] }</code>");
  });
});
