// CycleSoftware's customer records as the twin keeps them: the writable fields, how a request body is checked, and
// the document's date-time form.
import type { Customer, CustomerInput, PhoneNumber } from "@clientele/cyclesoftware";
import { fieldProblems, isRecord, type Shape } from "./validate.js";

/** A stored customer: it always has its phone numbers, each with its ids, as every response of the spec does. */
export type StoredCustomer = Customer & { phone_numbers: PhoneNumber[] };

export const STRING_FIELDS = [
  "customer_type_name",
  "customer_reference",
  "postcode",
  "house_number",
  "house_number_postfix",
  "company_name",
  "attn",
  "title",
  "initials",
  "insertion",
  "first_name",
  "name",
  "street",
  "city",
  "country_code_iso_3166",
  "email",
  "vat_number",
  "coc_number",
] as const;
const WRITABLE = [...STRING_FIELDS, "discount_percentage"] as const;
const INPUT_FIELDS: Shape = {
  ...Object.fromEntries(STRING_FIELDS.map((name) => [name, ["string"]])),
  customer_id: ["integer"],
  discount_percentage: ["number"],
  datetime_created: ["string", "null"],
  phone_numbers: ["array"],
};
const PHONE_FIELDS: Shape = {
  phone_number_id: ["string"],
  customer_id: ["integer"],
  phone_number: ["string"],
  name: ["string"],
};
export const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** What is wrong with a create or update body (or a fixture); none when it is a CustomerInput. */
export function inputProblems(body: unknown): string[] {
  if (!isRecord(body)) return ["the body must be a JSON object"];
  const problems = fieldProblems(body, INPUT_FIELDS);
  if (typeof body.datetime_created === "string" && !DATETIME.test(body.datetime_created)) {
    problems.push("`datetime_created` must look like 2023-01-03 12:30:44");
  }
  if (Array.isArray(body.phone_numbers)) {
    body.phone_numbers.forEach((p: unknown, i) => {
      if (!isRecord(p)) problems.push(`\`phone_numbers[${i}]\` must be an object`);
      else problems.push(...fieldProblems(p, PHONE_FIELDS, [], `phone_numbers[${i}].`));
    });
  }
  return problems;
}

/**
 * Applies the writable properties of `body` over `customer`. Read-only ones sent back (the document's own examples
 * do) are ignored, as the Modify column says.
 */
export function apply(customer: StoredCustomer, body: CustomerInput): void {
  for (const name of WRITABLE) {
    if (body[name] !== undefined) Object.assign(customer, { [name]: body[name] });
  }
  if (Array.isArray(body.phone_numbers)) {
    customer.phone_numbers = body.phone_numbers.map((p) => ({
      phone_number_id: p.phone_number_id ?? "",
      customer_id: customer.customer_id,
      phone_number: p.phone_number ?? "",
      name: p.name ?? "",
    }));
  }
}

/** A new customer with every string field empty, then `body`'s writable fields over it. */
export function newCustomer(id: number, created: string | null, body: CustomerInput): StoredCustomer {
  const customer: StoredCustomer = {
    customer_id: id,
    ...Object.fromEntries(STRING_FIELDS.map((name) => [name, ""])),
    discount_percentage: 0,
    datetime_created: created,
    phone_numbers: [],
  };
  apply(customer, body);
  return customer;
}

export const byId = (a: { customer_id: number }, b: { customer_id: number }): number => a.customer_id - b.customer_id;

/** The document's date-time form, in UTC: the twin's reading of a zone the document does not name. */
export function formatDateTime(time: number): string {
  return new Date(time).toISOString().slice(0, 19).replace("T", " ");
}

/** YYYY-MM-DD HH:MM:SS, read as UTC; NaN when it names no real moment. */
export function parseDateTime(text: string): number {
  const time = Date.parse(`${text.replace(" ", "T")}Z`);
  return Number.isNaN(time) || formatDateTime(time) !== text ? Number.NaN : time;
}
