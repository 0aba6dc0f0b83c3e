// What tsc tells a user who sends a field the body may not hold, or a field the body does not name: the message
// itself, not only that the line fails (types.check.ts proves that).
import { join } from "node:path";
import { besideTests, compileErrors } from "@clientele/testkit/compile";
import { describe, expect, test } from "vitest";

const snippet = `
import { createCube4salesClient } from "../src/index.js";
const cube = createCube4salesClient({ account: "youraccount" });
cube.updateCustomer(1, { customer_id: 2 });
cube.updateCustomer(1, { assignment_id: 10 });
cube.createCustomer({ customer_id: 1, assignment_id: 9, nmae: "Typo" });
cube.createCustomer({ customer_id: 1, assignment_id: 9 }, { extraBody: { name: "Lastname, Firstname" } });
cube.updateCustomer(1, { zipcode: "2406" });
cube.updateCustomer(1, {}, { extraBody: { city: "ELVERUM" } });
cube.updateCustomer(1, { city: null, zip_code: "2406" }, { extraBody: { Klassifisering: "C" } });
cube.createCustomer({ customer_id: 1, assignment_id: 9 }, { extraBody: { Region: "Innlandet", Hoved: null } });
`;

describe("tsc's error text for Cube4sales bodies", () => {
  test("each mistake is reported on its line, with a message that says what to do", { timeout: 120_000 }, () => {
    const errors = compileErrors(besideTests(join(import.meta.dirname, "..")), snippet);
    expect(errors.map((e) => e.line)).toEqual([4, 5, 6, 7, 8, 9]);
    const [customerId, assignmentId, typo, extraKnown, standardTypo, extraStandard] = errors.map((e) => e.text);
    expect(customerId).toContain(
      `Type 'number' is not assignable to type 'Forbidden<"customer_id is not sent in updateCustomer's body: it goes in the path, as updateCustomer's customerId argument">'.`,
    );
    expect(assignmentId).toContain(
      `Type 'number' is not assignable to type 'Forbidden<"assignment_id cannot be sent in updateCustomer's body: the API does not allow it there">'.`,
    );
    expect(typo).toContain("Object literal may only specify known properties, and 'nmae' does not exist in type");
    expect(extraKnown).toContain(
      `Type 'string' is not assignable to type 'Forbidden<"name is a typed field: set it in the body, not in extraBody">'.`,
    );
    // The record's standard fields are typed in the body too: a misspelling is caught, extraBody refuses them.
    // (tsc spells the body's type out: CustomerUpdate is an intersection of the record's fields and the forbidden ones.)
    expect(standardTypo).toMatch(/'zipcode' does not exist in type '.+'\. Did you mean to write 'zip_code'\?/);
    expect(extraStandard).toContain(
      `Type 'string' is not assignable to type 'Forbidden<"city is a typed field: set it in the body, not in extraBody">'.`,
    );
  });
});
