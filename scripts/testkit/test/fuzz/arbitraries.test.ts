import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { arbitraryFor, UnsupportedSchemaError } from "./arbitraries.js";

const spec = {
  components: {
    schemas: {
      Phone: {
        type: "object",
        required: ["number"],
        additionalProperties: false,
        properties: { number: { type: "string" } },
      },
      Named: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
    },
  },
};

/** Each schema with a check written independently of the deriver: every sample must pass it. */
const cases: [string, object, (v: any) => boolean][] = [
  ["a pattern", { type: "string", pattern: "^\\d{4}-\\d{2}$" }, (v) => /^\d{4}-\d{2}$/.test(v)],
  ["string lengths", { type: "string", minLength: 2, maxLength: 4 }, (v) => [...v].length >= 2 && [...v].length <= 4],
  [
    "integer bounds",
    { type: "integer", minimum: -3, exclusiveMaximum: 3 },
    (v) => Number.isInteger(v) && v >= -3 && v < 3,
  ],
  ["a nullable string", { type: ["string", "null"] }, (v) => v === null || typeof v === "string"],
  ["an enum", { type: "string", enum: ["test", "prod"] }, (v) => v === "test" || v === "prod"],
  ["an email", { type: "string", format: "email" }, (v) => /^[^@\s]+@[^@\s]+$/.test(v)],
  [
    "a closed object with a $ref item array",
    { type: "array", maxItems: 2, items: { $ref: "#/components/schemas/Phone" } },
    (v) =>
      Array.isArray(v) &&
      v.length <= 2 &&
      v.every((p) => typeof p.number === "string" && Object.keys(p).every((k) => k === "number")),
  ],
  [
    "an allOf of object members: each member's required keys present, its forbidden ones never",
    {
      type: "object",
      allOf: [
        { type: "object", required: ["id"], properties: { id: { type: "integer" }, locked: { not: {} } } },
        { $ref: "#/components/schemas/Named" },
      ],
    },
    (v) => Number.isInteger(v.id) && typeof v.name === "string" && !("locked" in v),
  ],
  [
    "an open object: required keys present, forbidden and read-only ones never",
    {
      type: "object",
      required: ["id"],
      properties: { id: { type: "integer" }, locked: false, created: { type: "string", readOnly: true } },
    },
    (v) => Number.isInteger(v.id) && !("locked" in v) && !("created" in v),
  ],
];

describe("arbitraryFor", () => {
  test.each(cases)("values for %s satisfy the schema", (_, schema, check) => {
    for (const value of fc.sample(arbitraryFor(spec, schema), { seed: 7, numRuns: 200 })) {
      expect(check(value), JSON.stringify(value)).toBe(true);
    }
  });

  test("an open object also gets properties it does not declare", () => {
    const values = fc.sample(arbitraryFor(spec, { type: "object", properties: { a: { type: "boolean" } } }), {
      seed: 7,
      numRuns: 200,
    });
    expect(values.some((v) => Object.keys(v as object).some((k) => k !== "a"))).toBe(true);
  });

  test.each([
    ["an unsupported keyword", { type: "string", multipleOf: 2 }, /keyword "multipleOf"/],
    ["an unknown format", { type: "string", format: "uuid" }, /format "uuid"/],
    ["a schema without a type", { description: "anything" }, /no type/],
    ["the false schema", false, /accepts no value/],
    [
      "an allOf with a closed member, which would refuse the other members' properties",
      { type: "object", allOf: [{ $ref: "#/components/schemas/Phone" }, { $ref: "#/components/schemas/Named" }] },
      /allOf\[0\]: a closed member/,
    ],
    [
      "an allOf declaring a property twice",
      {
        allOf: [{ $ref: "#/components/schemas/Named" }, { type: "object", properties: { name: { type: "integer" } } }],
      },
      /property "name" is declared twice/,
    ],
  ])("refuses %s, naming it", (_, schema, message) => {
    expect(() => arbitraryFor(spec, schema as object, "where")).toThrow(UnsupportedSchemaError);
    expect(() => arbitraryFor(spec, schema as object, "where")).toThrow(message);
  });
});
