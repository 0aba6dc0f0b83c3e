// @ts-check
// Onlinewerkrooster (specs/onlinewerkrooster.yaml, 002_a6a6d92f5a4cb41b.txt): create customers; ids assigned.
import { dispatch, json, REASON_HEADER } from "./respond.js";
import { checkOptions, fieldProblems, isRecord, nonEmptyString, positiveInteger } from "./validate.js";

/**
 * @typedef {object} OnlinewerkroosterTwinOptions
 * @property {string} [apiKey]       the `apikey` header it accepts
 * @property {string} [customerKey]  the `CustomerKey` header it accepts
 * @property {number} [companyId]    the `companyId` of every answer (the company the keys belong to)
 */
/**
 * @typedef {object} OwrCustomer
 * @property {number} customerId
 * @property {number} companyId
 * @property {number} extCustomerId
 * @property {string} extCustomerNumber
 * @property {string} name
 * @property {string} enterpriseNumber
 * @property {{ city: string, street?: string, streetNumber?: string, postalCode?: string, country?: string }} address
 */

export const ONLINEWERKROOSTER_DEFAULTS = Object.freeze({
  apiKey: "demo-apikey",
  customerKey: "demo-customerkey",
  companyId: 2,
});

// The error table's messages, verbatim.
const MESSAGES = {
  400: "Invalid request due to wrong/missing parameters.",
  401: "Not authorized.",
  409: "Error code.",
};

/**
 * The documented text body, with the twin's reason beside it.
 * @param {400 | 401 | 409} status
 * @param {string} reason
 */
const refuse = (status, reason) => ({ status, body: MESSAGES[status], headers: { [REASON_HEADER]: reason } });

const FIELDS = /** @type {const} */ ({
  extCustomerId: ["integer"],
  extCustomerNumber: ["string"],
  name: ["string"],
  enterpriseNumber: ["string"],
  address: ["object"],
});
const ADDRESS_FIELDS = /** @type {const} */ ({
  street: ["string"],
  streetNumber: ["string"],
  city: ["string"],
  postalCode: ["string"],
  country: ["string"],
});

/** @param {OnlinewerkroosterTwinOptions} [options] */
export function createOnlinewerkroosterTwin(options = {}) {
  checkOptions("createOnlinewerkroosterTwin", options, {
    apiKey: nonEmptyString,
    customerKey: nonEmptyString,
    companyId: positiveInteger,
  });
  const { apiKey, customerKey, companyId } = { ...ONLINEWERKROOSTER_DEFAULTS, ...options };
  /** @type {OwrCustomer[]} */
  let customers = [];

  /**
   * @param {unknown} body
   * @returns {{ problems: string[] } | { conflict: string } | { created: OwrCustomer }}
   */
  function create(body) {
    if (!isRecord(body)) return { problems: ["the body must be a JSON object"] };
    const problems = fieldProblems(body, FIELDS, Object.keys(FIELDS));
    if (isRecord(body.address)) problems.push(...fieldProblems(body.address, ADDRESS_FIELDS, ["city"], "address."));
    if (problems.length > 0) return { problems };
    const input = /** @type {Omit<OwrCustomer, "customerId" | "companyId">} */ (body);
    // Both external identifiers are documented as "(unique)".
    const clash = customers.find(
      (c) => c.extCustomerId === input.extCustomerId || c.extCustomerNumber === input.extCustomerNumber,
    );
    if (clash) {
      const field = clash.extCustomerId === input.extCustomerId ? "extCustomerId" : "extCustomerNumber";
      return { conflict: `a customer with ${field} ${input[field]} exists (customerId ${clash.customerId})` };
    }
    const created = { ...structuredClone(input), customerId: customers.length + 1, companyId };
    customers.push(created);
    return { created };
  }

  const table = [
    {
      method: "POST",
      pattern: /^\/api\/customers$/,
      handle: (/** @type {import("./http.js").TwinRequest} */ request) => {
        const { apikey, customerkey } = request.headers;
        if (apikey !== apiKey || customerkey !== customerKey) {
          return refuse(
            401,
            apikey === undefined || customerkey === undefined
              ? "both apikey and CustomerKey headers are required"
              : "apikey or CustomerKey is not one this twin accepts",
          );
        }
        if (!(request.headers["content-type"] ?? "").includes("application/json")) {
          return refuse(400, "content-type: application/json is required");
        }
        if (request.bodyError) return refuse(400, request.bodyError);
        const outcome = create(request.body);
        if ("problems" in outcome) return refuse(400, outcome.problems.join("; "));
        if ("conflict" in outcome) return refuse(409, outcome.conflict);
        const { companyId: company, customerId, extCustomerId } = outcome.created;
        return json(200, { companyId: company, customerId, extCustomerId });
      },
    },
  ];

  return {
    provider: /** @type {const} */ ("onlinewerkrooster"),
    /** @param {import("./http.js").TwinRequest} request */
    handle: (request) => dispatch(table, request),
    reset() {
      customers = [];
    },
    /** @param {{ customers?: unknown[] }} fixtures  customers as a client would POST them */
    seed(fixtures) {
      if (!isRecord(fixtures)) throw new TypeError("onlinewerkrooster twin: seed() takes { customers?: [...] }");
      (fixtures.customers ?? []).forEach((customer, i) => {
        const outcome = create(customer);
        if ("problems" in outcome)
          throw new TypeError(`onlinewerkrooster twin: seed customers[${i}]: ${outcome.problems.join("; ")}`);
        if ("conflict" in outcome)
          throw new TypeError(`onlinewerkrooster twin: seed customers[${i}]: ${outcome.conflict}`);
      });
    },
    /** The created customers: the API has no read endpoint, so tests look here. */
    state() {
      return { customers: structuredClone(customers) };
    },
  };
}
