// @ts-check
// Cube4sales (specs/cube4sales.yaml, 003_26256d138a21d3aa.txt): customer records per assignment, with the
// assignment's own extra fields. The document names no authentication, so every request is accepted.
import { dispatch, empty, json, outsideSpec } from "./respond.js";
import { checkOptions, clockFunction, fieldProblems, isRecord } from "./validate.js";

/** @typedef {Record<string, unknown>} CubeRecord */
/** @typedef {{ now?: () => number }} Cube4salesTwinOptions */

/**
 * The standard fields, always present in a record the twin shows (null when no data is registered), in the
 * document's order. The spec requires only some of them (the company fields may be missing on a B2C-assignment);
 * tests/twins checks this list against the spec's Customer schema.
 */
export const CUBE4SALES_STANDARD_FIELDS = Object.freeze([
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

/** @type {Record<string, import("./validate.js").JsonType[]>} */
const STANDARD_TYPES = Object.fromEntries(
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
const IDS = ["customer_id", "assignment_id"];

/** @param {Cube4salesTwinOptions} [options] */
export function createCube4salesTwin(options = {}) {
  checkOptions("createCube4salesTwin", options, { now: clockFunction });
  const now = options.now ?? Date.now;
  /**
   * The records by customer_id as text: the update URL has no assignment, so the id is unique across the account,
   * and a path cannot tell the number 42 from the string "42".
   */
  let records = /** @type {Map<string, CubeRecord>} */ (new Map());

  /**
   * @param {unknown} body
   * @param {boolean} stamp  set `updated` to today, as the API does; fixtures keep their own
   */
  function create(body, stamp) {
    if (!isRecord(body)) return ["the body must be a JSON object"];
    const problems = fieldProblems(body, STANDARD_TYPES, IDS);
    if (problems.length > 0) return problems;
    // No error is documented for an id that exists: the twin takes the create as the record's new content.
    const record = structuredClone(body);
    if (stamp) record.updated = today();
    records.set(String(body.customer_id), record);
    return [];
  }

  const today = () => new Date(now()).toISOString().slice(0, 10);

  /** Standard fields always, null when empty; extra fields only when they hold data (as the document says). */
  const present = (/** @type {CubeRecord} */ record) => {
    /** @type {CubeRecord} */
    const shown = {};
    for (const name of CUBE4SALES_STANDARD_FIELDS)
      shown[name] = record[name] ?? (name === "more_info_fields" ? {} : null);
    for (const [name, value] of Object.entries(record)) {
      if (!(name in shown) && value !== null && value !== undefined && value !== "") shown[name] = value;
    }
    return shown;
  };

  const table = [
    {
      method: "POST",
      pattern: /^\/crm\/customers$/,
      handle: (/** @type {import("./http.js").TwinRequest} */ request) => {
        const problems = request.bodyError ? [request.bodyError] : create(request.body, true);
        return problems.length > 0 ? outsideSpec(problems) : empty(200);
      },
    },
    {
      method: "GET",
      pattern: /^\/crm\/customers$/,
      handle: (/** @type {import("./http.js").TwinRequest} */ request) => {
        const raw = request.query.get("assignment_id");
        const assignment = raw === null || !/^-?\d+$/.test(raw) ? Number.NaN : Number(raw);
        if (!Number.isInteger(assignment))
          return outsideSpec(["the query parameter `assignment_id` must be an integer"]);
        const list = [...records.values()].filter((r) => r.assignment_id === assignment).map(present);
        return json(200, list);
      },
    },
    {
      method: "PUT",
      pattern: /^\/crm\/customers\/([^/]+)$/,
      handle: (/** @type {import("./http.js").TwinRequest} */ request, /** @type {string[]} */ [id]) => {
        if (request.bodyError) return outsideSpec([request.bodyError]);
        const body = request.body;
        if (!isRecord(body)) return outsideSpec(["the body must be a JSON object"]);
        const problems = fieldProblems(body, STANDARD_TYPES);
        // "You can send any parameter (except the customer_id and the assignment_id) to be updated."
        for (const name of IDS) if (name in body) problems.push(`\`${name}\` cannot be updated`);
        if (problems.length > 0) return outsideSpec(problems);
        // The path arrives percent-decoded; any text is a customer_id (integer or string, see the spec).
        const record = records.get(id ?? "");
        // The document promises "200 OK" and names no other status: an unknown id is answered 200 and changes
        // nothing (the twin says so in its reason header).
        if (!record) return empty(200, `no customer record ${id}; nothing was updated`);
        Object.assign(record, structuredClone(body), { updated: today() });
        return empty(200);
      },
    },
  ];

  return {
    provider: /** @type {const} */ ("cube4sales"),
    /** @param {import("./http.js").TwinRequest} request */
    handle: (request) => dispatch(table, request),
    reset() {
      records = new Map();
    },
    /** @param {{ customers?: unknown[] }} fixtures  records as a client would POST them */
    seed(fixtures) {
      if (!isRecord(fixtures)) throw new TypeError("cube4sales twin: seed() takes { customers?: [...] }");
      (fixtures.customers ?? []).forEach((customer, i) => {
        const problems = create(customer, false);
        if (problems.length > 0) throw new TypeError(`cube4sales twin: seed customers[${i}]: ${problems.join("; ")}`);
      });
    },
    /** Every record as the list endpoint shows it. */
    state() {
      return { customers: [...records.values()].map(present) };
    },
  };
}
