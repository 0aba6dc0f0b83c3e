// @ts-check
// CycleSoftware (specs/cyclesoftware.yaml, 004_c8c2aa229665ab2a.txt): customers behind HTTP Basic, with the
// X-RateLimit-* headers counting down per minute and per day.
import { createRateBudget } from "./rate-budget.js";
import { dispatch, empty, json, outsideSpec } from "./respond.js";
import { checkOptions, clockFunction, fieldProblems, isRecord, nonEmptyString, positiveInteger } from "./validate.js";

/**
 * A stored phone number: it always has its ids, as every response of the spec does.
 * @typedef {object} PhoneNumber
 * @property {string} phone_number_id
 * @property {number} customer_id
 * @property {string} [phone_number]
 * @property {string} [name]
 */
/** @typedef {Record<string, unknown> & { customer_id: number, phone_numbers: PhoneNumber[] }} Customer */
/**
 * @typedef {object} CycleSoftwareTwinOptions
 * @property {string} [username]
 * @property {string} [password]
 * @property {number} [perMinute]  requests allowed per minute (documented: 360)
 * @property {number} [perDay]     requests allowed per day (documented: 15000)
 * @property {number} [pageSize]   customers per list page (the document's example count is 500)
 * @property {Record<string, string>} [customerTypes]  `customer_type_id` → `customer_type_name`, for find
 * @property {() => number} [now]  the clock, in milliseconds: modification times and rate-limit windows
 */

export const CYCLESOFTWARE_DEFAULTS = Object.freeze({
  username: "demo",
  password: "demo",
  perMinute: 360,
  perDay: 15_000,
  pageSize: 500,
  // The `customer_types` enum is not in the document. These are the three names its examples show, numbered in
  // order of appearance: an assumption of the twin, not the vendor's numbering.
  customerTypes: Object.freeze({ 1: "Klant", 2: "Zakelijk", 3: "E-commerce" }),
});

const STRING_FIELDS = /** @type {const} */ ([
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
]);
/** @type {Record<string, import("./validate.js").JsonType[]>} */
const INPUT_FIELDS = {
  ...Object.fromEntries(STRING_FIELDS.map((name) => [name, ["string"]])),
  customer_id: ["integer"],
  discount_percentage: ["number"],
  datetime_created: ["string", "null"],
  phone_numbers: ["array"],
};
/** @type {Record<string, import("./validate.js").JsonType[]>} */
const PHONE_FIELDS = {
  phone_number_id: ["string"],
  customer_id: ["integer"],
  phone_number: ["string"],
  name: ["string"],
};
const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const INTEGER = /^-?\d+$/;

/** @param {CycleSoftwareTwinOptions} [options] */
export function createCycleSoftwareTwin(options = {}) {
  checkOptions("createCycleSoftwareTwin", options, {
    username: nonEmptyString,
    password: nonEmptyString,
    perMinute: positiveInteger,
    perDay: positiveInteger,
    pageSize: positiveInteger,
    customerTypes: (v) =>
      isRecord(v) && Object.entries(v).every(([k, name]) => INTEGER.test(k) && typeof name === "string")
        ? undefined
        : "must map integer ids to customer type names",
    now: clockFunction,
  });
  const settings = { ...CYCLESOFTWARE_DEFAULTS, ...options };
  const now = options.now ?? Date.now;
  const expected = `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString("base64")}`;
  const budget = createRateBudget({ perMinute: settings.perMinute, perDay: settings.perDay, now });
  /** The customers by id, with when each was last created or changed (the document exposes no such field). */
  let customers = /** @type {Map<number, { customer: Customer, modified: number }>} */ (new Map());
  let nextId = 1;

  /**
   * Applies the writable properties of `body` over `customer`. Read-only ones sent back (the document's own
   * examples do) are ignored, as the Modify column says.
   * @param {Customer} customer
   * @param {Record<string, unknown>} body
   */
  function apply(customer, body) {
    for (const name of [...STRING_FIELDS, "discount_percentage"]) {
      if (body[name] !== undefined) customer[name] = body[name];
    }
    if (Array.isArray(body.phone_numbers)) {
      customer.phone_numbers = body.phone_numbers.map((/** @type {Partial<PhoneNumber>} */ p) => ({
        phone_number_id: p.phone_number_id ?? "",
        customer_id: customer.customer_id,
        phone_number: p.phone_number ?? "",
        name: p.name ?? "",
      }));
    }
  }

  /** @param {unknown} body */
  function inputProblems(body) {
    if (!isRecord(body)) return ["the body must be a JSON object"];
    const problems = fieldProblems(body, INPUT_FIELDS);
    if (typeof body.datetime_created === "string" && !DATETIME.test(body.datetime_created)) {
      problems.push("`datetime_created` must look like 2023-01-03 12:30:44");
    }
    if (Array.isArray(body.phone_numbers)) {
      body.phone_numbers.forEach((/** @type {unknown} */ p, i) => {
        if (!isRecord(p)) problems.push(`\`phone_numbers[${i}]\` must be an object`);
        else problems.push(...fieldProblems(p, PHONE_FIELDS, [], `phone_numbers[${i}].`));
      });
    }
    return problems;
  }

  /**
   * @param {Record<string, unknown>} body
   * @param {{ keepId: boolean }} how  fixtures keep their ids and creation times; the API assigns both
   */
  function create(body, { keepId }) {
    const id = keepId && typeof body.customer_id === "number" ? body.customer_id : nextId;
    nextId = Math.max(nextId, id + 1);
    /** @type {Customer} */
    const customer = {
      customer_id: id,
      ...Object.fromEntries(STRING_FIELDS.map((name) => [name, ""])),
      discount_percentage: 0,
      datetime_created: keepId && body.datetime_created !== undefined ? body.datetime_created : formatDateTime(now()),
      phone_numbers: [],
    };
    apply(customer, body);
    customers.set(id, { customer, modified: now() });
    return customer;
  }

  /** @param {Customer} customer */
  const copy = (customer) => structuredClone(customer);

  /** Filters of find.json, each as the document describes the parameter; several combine with AND. */
  const FILTERS = {
    phone_number: (/** @type {Customer} */ c, /** @type {string} */ v) =>
      c.phone_numbers.some((p) => digits(p.phone_number) !== "" && digits(p.phone_number) === digits(v)),
    postal_code: (/** @type {Customer} */ c, /** @type {string} */ v) => compact(c.postcode) === compact(v),
    housenumber: (/** @type {Customer} */ c, /** @type {string} */ v) => compact(c.house_number) === compact(v),
    housenumber_postfix: (/** @type {Customer} */ c, /** @type {string} */ v) =>
      compact(c.house_number_postfix) === compact(v),
    email: (/** @type {Customer} */ c, /** @type {string} */ v) => compact(c.email) === compact(v),
    query: (/** @type {Customer} */ c, /** @type {string} */ v) => {
      const needle = v.trim().toLowerCase();
      const name = [c.first_name, c.insertion, c.name].filter(Boolean).join(" ");
      return [name, c.company_name, c.email, c.customer_reference, c.city, c.street].some((field) =>
        String(field ?? "")
          .toLowerCase()
          .includes(needle),
      );
    },
    country_code: (/** @type {Customer} */ c, /** @type {string} */ v) =>
      compact(c.country_code_iso_3166) === compact(v),
    customer_type_id: (/** @type {Customer} */ c, /** @type {string} */ v) =>
      /** @type {Record<string, string>} */ (settings.customerTypes)[v] === c.customer_type_name,
  };

  /** @param {import("./http.js").TwinRequest} request */
  function find(request) {
    const type = request.query.get("customer_type_id");
    if (type !== null && !INTEGER.test(type))
      return outsideSpec(["`customer_type_id` must be an integer"], budget.headers());
    const active = Object.entries(FILTERS).flatMap(([name, test]) => {
      const value = request.query.get(name);
      return value === null ? [] : [(/** @type {Customer} */ c) => test(c, value)];
    });
    const found = [...customers.values()].map((e) => e.customer).filter((c) => active.every((test) => test(c)));
    return json(200, found.sort(byId).map(copy), budget.headers());
  }

  /** @param {import("./http.js").TwinRequest} request */
  function list(request) {
    const rawOffset = request.query.get("offset");
    if (rawOffset !== null && !INTEGER.test(rawOffset))
      return outsideSpec(["`offset` must be an integer"], budget.headers());
    const since = request.query.get("modified_since");
    if (since !== null && !DATETIME.test(since)) {
      return outsideSpec(["`modified_since` must look like 2023-01-12 12:30:00"], budget.headers());
    }
    const offset = rawOffset === null ? 0 : Number(rawOffset);
    const sinceTime = since === null ? Number.NEGATIVE_INFINITY : parseDateTime(since);
    // The documented in-body error is the list's answer to values that pass the spec but make no sense.
    const error =
      offset < 0
        ? "offset must be 0 or more"
        : Number.isNaN(sinceTime)
          ? `modified_since ${since} is not a date`
          : null;
    if (error) {
      return json(
        200,
        { error: true, error_message: error, customers: [], pagination: { count: 0, next_offset: null } },
        budget.headers(),
      );
    }
    // Ordered by id, so a customer changed while a client pages through joins the listing without moving others
    // back a page: offset pagination then never skips one.
    const matching = [...customers.values()]
      .filter((e) => e.modified >= sinceTime)
      .map((e) => e.customer)
      .sort(byId);
    const page = matching.slice(offset, offset + settings.pageSize);
    const next = offset + page.length < matching.length ? offset + page.length : null;
    return json(
      200,
      {
        error: false,
        error_message: null,
        customers: page.map(copy),
        pagination: { count: page.length, next_offset: next },
      },
      budget.headers(),
    );
  }

  /**
   * @param {string | undefined} raw
   * @returns {number | undefined}
   */
  const customerIdOf = (raw) => (raw !== undefined && INTEGER.test(raw) ? Number(raw) : undefined);

  const table = [
    {
      method: "POST",
      pattern: /^\/api\/v1\/customers\.json$/,
      handle: (/** @type {import("./http.js").TwinRequest} */ request) => {
        const problems = request.bodyError ? [request.bodyError] : inputProblems(request.body);
        if (problems.length > 0) return outsideSpec(problems, budget.headers());
        return json(
          200,
          copy(create(/** @type {Record<string, unknown>} */ (request.body), { keepId: false })),
          budget.headers(),
        );
      },
    },
    { method: "GET", pattern: /^\/api\/v1\/customers\/find\.json$/, handle: find },
    { method: "GET", pattern: /^\/api\/v1\/customers\/list\.json$/, handle: list },
    {
      method: "GET",
      pattern: /^\/api\/v1\/customers\/([^/]+)\.json$/,
      handle: (/** @type {import("./http.js").TwinRequest} */ _request, /** @type {string[]} */ [raw]) => {
        const id = customerIdOf(raw);
        if (id === undefined) return outsideSpec(["the path's `customer_id` must be an integer"], budget.headers());
        const entry = customers.get(id);
        return entry
          ? json(200, copy(entry.customer), budget.headers())
          : empty(404, `no customer ${id}`, budget.headers());
      },
    },
    {
      method: "PUT",
      pattern: /^\/api\/v1\/customers\/([^/]+)\.json$/,
      handle: (/** @type {import("./http.js").TwinRequest} */ request, /** @type {string[]} */ [raw]) => {
        const id = customerIdOf(raw);
        if (id === undefined) return outsideSpec(["the path's `customer_id` must be an integer"], budget.headers());
        const problems = request.bodyError ? [request.bodyError] : inputProblems(request.body);
        if (problems.length > 0) return outsideSpec(problems, budget.headers());
        const entry = customers.get(id);
        if (!entry) return empty(404, `no customer ${id}`, budget.headers());
        // Properties left out are kept: the document does not say they are cleared.
        apply(entry.customer, /** @type {Record<string, unknown>} */ (request.body));
        entry.modified = now();
        return json(200, copy(entry.customer), budget.headers());
      },
    },
  ];

  return {
    provider: /** @type {const} */ ("cyclesoftware"),
    /** @param {import("./http.js").TwinRequest} request */
    handle(request) {
      // Unauthenticated requests belong to no account, so they spend no allowance; they still show it.
      if (request.headers.authorization !== expected) {
        return empty(401, "HTTP Basic credentials are missing or wrong", {
          ...budget.headers(),
          // RFC 9110 asks a 401 to name its scheme.
          "www-authenticate": 'Basic realm="CycleSoftware"',
        });
      }
      if (!budget.take()) return empty(429, "the request allowance of this minute or day is spent", budget.headers());
      return dispatch(table, request);
    },
    reset() {
      customers = new Map();
      nextId = 1;
      budget.reset();
    },
    /** @param {{ customers?: unknown[] }} fixtures  full customers; their ids and creation times are kept */
    seed(fixtures) {
      if (!isRecord(fixtures)) throw new TypeError("cyclesoftware twin: seed() takes { customers?: [...] }");
      (fixtures.customers ?? []).forEach((customer, i) => {
        const problems = inputProblems(customer);
        if (problems.length > 0)
          throw new TypeError(`cyclesoftware twin: seed customers[${i}]: ${problems.join("; ")}`);
        create(/** @type {Record<string, unknown>} */ (customer), { keepId: true });
      });
    },
    /** Every customer (by id) and the allowance left, as of the twin's clock. */
    state() {
      const headers = budget.headers();
      return {
        customers: [...customers.values()].map((e) => copy(e.customer)).sort(byId),
        minuteRemaining: Number(headers["X-RateLimit-Minutely-Remaining"]),
        dayRemaining: Number(headers["X-RateLimit-Daily-Remaining"]),
      };
    },
  };
}

/** @param {{ customer_id: number }} a @param {{ customer_id: number }} b */
const byId = (a, b) => a.customer_id - b.customer_id;
/** Phone numbers compare by their digits: the document's find for 0733030050 returns "073 303 0050". */
const digits = (/** @type {unknown} */ value) => String(value ?? "").replace(/\D/g, "");
/** Postcodes, e-mails and codes compare without case or spaces ("5388 GM" is "5388GM"). */
const compact = (/** @type {unknown} */ value) =>
  String(value ?? "")
    .replace(/\s/g, "")
    .toLowerCase();

/** The document's date-time form, in UTC: the twin's reading of a zone the document does not name. */
export function formatDateTime(/** @type {number} */ time) {
  return new Date(time).toISOString().slice(0, 19).replace("T", " ");
}

/** @param {string} text  YYYY-MM-DD HH:MM:SS, read as UTC; NaN when it names no real moment */
function parseDateTime(text) {
  const time = Date.parse(`${text.replace(" ", "T")}Z`);
  return Number.isNaN(time) || formatDateTime(time) !== text ? Number.NaN : time;
}
