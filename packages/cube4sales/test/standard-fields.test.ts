// The create and update bodies type the record's standard fields (the spec's CustomerFields) exactly as a record
// holds them: the same names and schemas, so what listCustomers returns can be sent back field by field.

import { loadSpec } from "@clientele/testkit/spec";
import { describe, expect, test } from "vitest";

const { Customer, CustomerFields, ...schemas } = loadSpec("cube4sales").components.schemas;

describe("the writable standard fields of a Cube4sales record", () => {
  test("are every field of a record but its ids and what Cube keeps itself or per assignment", () => {
    const left = Object.keys(Customer.properties).filter((name) => !(name in CustomerFields.properties));
    expect(left).toEqual([
      "customer_id",
      "assignment_id",
      "more_info_fields",
      "updated",
      "updated_by",
      "update_method",
    ]);
    expect(Object.keys(CustomerFields.properties).filter((name) => !(name in Customer.properties))).toEqual([]);
  });

  test("each has the record's schema, null included, and none is required", () => {
    for (const [name, schema] of Object.entries(CustomerFields.properties))
      expect({ name, schema }).toEqual({ name, schema: Customer.properties[name] });
    expect(CustomerFields.required).toBeUndefined();
  });

  test.each(["CustomerCreate", "CustomerUpdate"])("%s holds them beside its own rules for the ids", (name) => {
    const { allOf } = schemas[name];
    expect(allOf).toContainEqual({ $ref: "#/components/schemas/CustomerFields" });
    const own = allOf.find((member: { properties?: object }) => member.properties);
    expect(Object.keys(own.properties)).toEqual(["customer_id", "assignment_id"]);
    expect(own.additionalProperties).toBe(true);
  });
});
