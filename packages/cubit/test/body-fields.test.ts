// What tsc tells a user who misspells a Cubit body field, and how the document's "..." fields are sent instead.
import { join } from "node:path";
import { besideTests, compileErrors } from "@clientele/testkit/compile";
import { describe, expect, test } from "vitest";

const snippet = `
import { createCubitClient } from "../src/index.js";
const cubit = createCubitClient({ apiKey: "key", environment: "test" });
cubit.upsertCustomer({ Number: "42", Firstname: "Typo" });
cubit.upsertCustomer({ Number: "42", FirstName: "Ola" }, { extraBody: { Tier: "gold" } });
cubit.getCustomer("42", { extraBody: { Tier: "gold" } });
`;

describe("tsc's error text for Cubit bodies", () => {
  test("a misspelt field is named; extraBody compiles on a body's call only", { timeout: 120_000 }, () => {
    const errors = compileErrors(besideTests(join(import.meta.dirname, "..")), snippet);
    expect(errors.map((e) => e.line)).toEqual([4, 6]);
    expect(errors[0]?.text).toContain(
      "Object literal may only specify known properties, but 'Firstname' does not exist in type",
    );
    expect(errors[0]?.text).toContain("Did you mean to write 'FirstName'?");
    expect(errors[1]?.text).toContain("'extraBody' does not exist in type 'RequestOptions'");
  });
});
