import type { CustomerUpsert } from "@clientele/cubit";
import type { Customer } from "@clientele/cyclesoftware";

/**
 * A CycleSoftware customer as a Cubit customer. Only fields whose meaning both documents state are mapped; the
 * README lists what stays behind and why. A field the source sends empty is sent empty, so a value cleared in
 * CycleSoftware is cleared in Cubit too (Cubit's upsert keeps fields that are not sent).
 */
export function toCubitCustomer(customer: Customer): CustomerUpsert {
  if (!Number.isInteger(customer.customer_id)) {
    throw new TypeError("toCubitCustomer: the CycleSoftware customer has no customer_id to key it by in Cubit");
  }
  const mapped: CustomerUpsert = { Number: String(customer.customer_id) };
  if (customer.first_name !== undefined) mapped.FirstName = customer.first_name.trim();
  if (customer.name !== undefined || customer.insertion !== undefined) {
    // A Dutch surname prefix ("van", "de") is part of the last name: "van Wijgergangs".
    mapped.LastName = [customer.insertion, customer.name]
      .map((part) => part?.trim())
      .filter(Boolean)
      .join(" ");
  }
  // The Chamber of Commerce number is the Dutch registration number of a company: what Cubit's
  // OrganizationNumber holds for corporate customers. (The VAT number is not an organization number.)
  if (customer.coc_number !== undefined) mapped.OrganizationNumber = customer.coc_number.trim();
  return mapped;
}
