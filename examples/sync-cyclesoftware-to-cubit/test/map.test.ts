import type { Customer } from "@clientele/cyclesoftware";
import { loadFixtures } from "@clientele/twins";
import { describe, expect, test } from "vitest";
import { toCubitCustomer } from "../src/map.js";

// The document's own customers 8, 11 and 1006.
const [adri, giel, tim] = (await loadFixtures("cyclesoftware")).customers as Customer[];

describe("toCubitCustomer", () => {
  test.each<[string, Customer | undefined, object]>([
    [
      "a private customer: the surname prefix joins the last name; the empty coc_number stays empty",
      giel,
      { Number: "11", FirstName: "Giel", LastName: "van Wijgergangs", OrganizationNumber: "" },
    ],
    [
      "a prefix in capitals is kept as written",
      adri,
      { Number: "8", FirstName: "Adri", LastName: "Van Name 235238848", OrganizationNumber: "" },
    ],
    [
      "a company: its Chamber of Commerce number is the organization number",
      tim,
      { Number: "1006", FirstName: "Tim", LastName: "van LastName", OrganizationNumber: "64356582" },
    ],
    ["a customer with only an id sends only the number", { customer_id: 5 }, { Number: "5" }],
    [
      "an emptied name is sent empty, so Cubit clears it too",
      { customer_id: 5, first_name: "", name: "" },
      { Number: "5", FirstName: "", LastName: "" },
    ],
  ])("%s", (_, customer, expected) => {
    expect(toCubitCustomer(customer as Customer)).toEqual(expected);
  });

  test("nothing that does not map is sent: no address, e-mail, phone, VAT or consent", () => {
    expect(Object.keys(toCubitCustomer(tim as Customer)).sort()).toEqual([
      "FirstName",
      "LastName",
      "Number",
      "OrganizationNumber",
    ]);
  });

  test("a customer without an id cannot be keyed in Cubit", () => {
    // The spec requires customer_id in responses; plain JavaScript or a server outside the spec may still omit it.
    expect(() => toCubitCustomer({ name: "x" } as unknown as Customer)).toThrow(
      "toCubitCustomer: the CycleSoftware customer has no customer_id",
    );
  });
});
