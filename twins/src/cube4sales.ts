// Cube4sales (specs/cube4sales.yaml, 003_26256d138a21d3aa.txt): customer records per assignment, with the
// assignment's own extra fields. The document names no authentication, so every request is accepted.
import type { Customer, CustomerCreate, CustomerUpdate } from "@clientele/cube4sales";
import { CUBE4SALES_STANDARD_FIELDS, STANDARD_TYPES } from "./cube4sales-fields.js";
import { dispatch, empty, json, outsideSpec, type Route } from "./respond.js";
import type { TwinOf } from "./twin-types.js";
import { checkOptions, clockFunction, fieldProblems, isRecord, requireObject } from "./validate.js";

export { CUBE4SALES_STANDARD_FIELDS } from "./cube4sales-fields.js";

export interface Cube4salesTwinOptions {
  /** the clock of the `updated` stamps, in milliseconds */
  now?: () => number;
}
export interface Cube4salesFixtures {
  /** records as a client POSTs them */
  customers?: CustomerCreate[];
}
export interface Cube4salesState {
  /** every record as the list endpoint shows it */
  customers: Customer[];
}

/** A record as created, then updated: the fields a client sent, and `updated` where the twin stamped it. */
type StoredRecord = CustomerCreate & { updated?: string | null } & Record<string, unknown>;

const IDS = ["customer_id", "assignment_id"];

export function createCube4salesTwin(options: Cube4salesTwinOptions = {}): TwinOf<"cube4sales"> {
  checkOptions("createCube4salesTwin", options, { now: clockFunction });
  const now = options.now ?? Date.now;
  /**
   * The records by customer_id as text: the update URL has no assignment, so the id is unique across the account,
   * and a path cannot tell the number 42 from the string "42".
   */
  let records = new Map<string, StoredRecord>();

  /** Stores a creation; `stamp` sets `updated` to today, as the API does (fixtures keep their own). */
  function create(body: unknown, stamp: boolean): string[] {
    if (!isRecord(body)) return ["the body must be a JSON object"];
    const problems = fieldProblems(body, STANDARD_TYPES, IDS);
    if (problems.length > 0) return problems;
    // No error is documented for an id that exists: the twin takes the create as the record's new content.
    const record = structuredClone(body) as StoredRecord;
    if (stamp) record.updated = today();
    records.set(String(record.customer_id), record);
    return [];
  }

  const today = () => new Date(now()).toISOString().slice(0, 10);

  /** Standard fields always, null when empty; extra fields only when they hold data (as the document says). */
  const present = (record: StoredRecord): Customer => {
    const shown: Record<string, unknown> = {};
    for (const name of CUBE4SALES_STANDARD_FIELDS)
      shown[name] = record[name] ?? (name === "more_info_fields" ? {} : null);
    for (const [name, value] of Object.entries(record)) {
      if (!(name in shown) && value !== null && value !== undefined && value !== "") shown[name] = value;
    }
    // Every standard field is set above and the ids were checked on create: the shape the spec's Customer has.
    return shown as Customer;
  };

  const table: Route[] = [
    {
      method: "POST",
      pattern: /^\/crm\/customers$/,
      handle: (request) => {
        const problems = request.bodyError ? [request.bodyError] : create(request.body, true);
        return problems.length > 0 ? outsideSpec(problems) : empty(200);
      },
    },
    {
      method: "GET",
      pattern: /^\/crm\/customers$/,
      handle: (request) => {
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
      handle: (request, [id = ""]) => {
        if (request.bodyError) return outsideSpec([request.bodyError]);
        const body = request.body;
        if (!isRecord(body)) return outsideSpec(["the body must be a JSON object"]);
        const problems = fieldProblems(body, STANDARD_TYPES);
        // "You can send any parameter (except the customer_id and the assignment_id) to be updated."
        for (const name of IDS) if (name in body) problems.push(`\`${name}\` cannot be updated`);
        if (problems.length > 0) return outsideSpec(problems);
        // The path arrives percent-decoded; any text is a customer_id (integer or string, see the spec).
        const record = records.get(id);
        // The document promises "200 OK" and names no other status: an unknown id is answered 200 and changes
        // nothing (the twin says so in its reason header).
        if (!record) return empty(200, `no customer record ${id}; nothing was updated`);
        const update: CustomerUpdate = structuredClone(body);
        Object.assign(record, update, { updated: today() });
        return empty(200);
      },
    },
  ];

  return {
    provider: "cube4sales",
    handle: (request) => dispatch(table, request),
    reset() {
      records = new Map();
    },
    seed(fixtures) {
      requireObject(fixtures, "cube4sales twin: seed() takes { customers?: [...] }");
      (fixtures.customers ?? []).forEach((customer, i) => {
        const problems = create(customer, false);
        if (problems.length > 0) throw new TypeError(`cube4sales twin: seed customers[${i}]: ${problems.join("; ")}`);
      });
    },
    state() {
      return { customers: [...records.values()].map(present) };
    },
  };
}
