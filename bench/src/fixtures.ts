// What the benchmark server answers with: CycleSoftware-shaped customers and rate-limit headers.

/** The page size of the document's own listing example (`pagination.count` 500). */
export const PAGE_SIZE = 500;

export const rateLimitHeaders = {
  "x-ratelimit-minutely-limit": "360",
  "x-ratelimit-minutely-remaining": "359",
  "x-ratelimit-daily-limit": "15000",
  "x-ratelimit-daily-remaining": "14999",
  "x-ratelimit-daily-reset": "1678230000",
};

export function customer(id: number) {
  return {
    customer_id: id,
    customer_type_name: "Klant",
    customer_reference: `REF${id}`,
    postcode: "5388GM",
    house_number: String(id % 200),
    house_number_postfix: "",
    company_name: "",
    attn: "",
    title: "Dhr.",
    initials: "T",
    insertion: "van",
    first_name: "Tim",
    name: `Customer ${id}`,
    street: "Raadhuisplein",
    city: "Nistelrode",
    country_code_iso_3166: "NL",
    email: `customer${id}@example.com`,
    vat_number: "",
    coc_number: "",
    discount_percentage: 0,
    datetime_created: "2023-01-03 12:30:44",
    phone_numbers: [{ phone_number_id: "mob", customer_id: id, phone_number: "06-12345678", name: "T van Tim" }],
  };
}
