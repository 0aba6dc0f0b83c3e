// Cube4sales' record fields: the standard ones a record always shows, in the document's order, with their types.
import type { Shape } from "./validate.js";

/**
 * The standard fields, always present in a record the twin shows (null when no data is registered), in the
 * document's order. The spec requires only some of them (the company fields may be missing on a B2C-assignment);
 * twins/test/cube4sales.test.ts checks this list against the spec's Customer schema.
 */
export const CUBE4SALES_STANDARD_FIELDS: readonly string[] = Object.freeze([
  "customer_id",
  "name",
  "gender",
  "birth_date",
  "assignment_id",
  "care_of_name",
  "address_street",
  "address_street_no",
  "address_entrance",
  "zip_code",
  "city",
  "municipality",
  "county",
  "country",
  "phone_1",
  "phone_2",
  "phone_3",
  "email",
  "more_info_fields",
  "updated",
  "updated_by",
  "update_method",
  "org_number",
  "org_number_main",
  "org_name",
  "nace_code",
  "nace_text",
  "number_of_employees",
  "company_type",
  "established",
  "credit_rating",
  "need_to_know",
  "url",
  "company_email",
  "revenue",
  "po_box",
  "postal_address",
  "postal_zip",
  "postal_city",
]);

export const STANDARD_TYPES: Shape = Object.fromEntries(
  CUBE4SALES_STANDARD_FIELDS.map((name) => [
    name,
    name === "customer_id"
      ? ["integer", "string"]
      : name === "assignment_id"
        ? ["integer"]
        : name === "more_info_fields"
          ? ["object", "null"]
          : ["string", "null"],
  ]),
);
