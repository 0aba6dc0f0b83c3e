// Onlinewerkrooster (specs/onlinewerkrooster.yaml, 002_a6a6d92f5a4cb41b.txt): create customers; ids assigned.
import type { CustomerCreate, CustomerCreated } from "@clientele/onlinewerkrooster";
import type { TwinResponse } from "./http-types.js";
import { dispatch, json, REASON_HEADER, type Route } from "./respond.js";
import type { TwinOf } from "./twin-types.js";
import {
  checkOptions,
  fieldProblems,
  isRecord,
  nonEmptyString,
  positiveInteger,
  requireObject,
  type Shape,
} from "./validate.js";

export interface OnlinewerkroosterTwinOptions {
  /** the `apikey` header it accepts (default demo-apikey) */
  apiKey?: string;
  /** the `CustomerKey` header it accepts (default demo-customerkey) */
  customerKey?: string;
  /** the `companyId` of every answer (default 2) */
  companyId?: number;
}
export interface OnlinewerkroosterFixtures {
  /** customers as a client POSTs them */
  customers?: CustomerCreate[];
}
export interface OnlinewerkroosterState {
  /** the created customers, as sent with the ids the twin assigned: the API has no read endpoint, so tests look here */
  customers: (CustomerCreate & Required<CustomerCreated>)[];
}
type StoredCustomer = OnlinewerkroosterState["customers"][number];

export const ONLINEWERKROOSTER_DEFAULTS: Readonly<Required<OnlinewerkroosterTwinOptions>> = Object.freeze({
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

/** The documented text body, with the twin's reason beside it. */
const refuse = (status: keyof typeof MESSAGES, reason: string): TwinResponse => ({
  status,
  body: MESSAGES[status],
  headers: { [REASON_HEADER]: reason },
});

const FIELDS: Shape = {
  extCustomerId: ["integer"],
  extCustomerNumber: ["string"],
  name: ["string"],
  enterpriseNumber: ["string"],
  address: ["object"],
};
const ADDRESS_FIELDS: Shape = {
  street: ["string"],
  streetNumber: ["string"],
  city: ["string"],
  postalCode: ["string"],
  country: ["string"],
};

export function createOnlinewerkroosterTwin(options: OnlinewerkroosterTwinOptions = {}): TwinOf<"onlinewerkrooster"> {
  checkOptions("createOnlinewerkroosterTwin", options, {
    apiKey: nonEmptyString,
    customerKey: nonEmptyString,
    companyId: positiveInteger,
  });
  const { apiKey, customerKey, companyId } = { ...ONLINEWERKROOSTER_DEFAULTS, ...options };
  let customers: StoredCustomer[] = [];

  function create(body: unknown): { problems: string[] } | { conflict: string } | { created: StoredCustomer } {
    if (!isRecord(body)) return { problems: ["the body must be a JSON object"] };
    const problems = fieldProblems(body, FIELDS, Object.keys(FIELDS));
    if (isRecord(body.address)) problems.push(...fieldProblems(body.address, ADDRESS_FIELDS, ["city"], "address."));
    if (problems.length > 0) return { problems };
    const input = body as CustomerCreate;
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

  const table: Route[] = [
    {
      method: "POST",
      pattern: /^\/api\/customers$/,
      handle: (request) => {
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
        const answer: CustomerCreated = { companyId: company, customerId, extCustomerId };
        return json(200, answer);
      },
    },
  ];

  return {
    provider: "onlinewerkrooster",
    handle: (request) => dispatch(table, request),
    reset() {
      customers = [];
    },
    seed(fixtures) {
      requireObject(fixtures, "onlinewerkrooster twin: seed() takes { customers?: [...] }");
      (fixtures.customers ?? []).forEach((customer, i) => {
        const outcome = create(customer);
        if ("problems" in outcome)
          throw new TypeError(`onlinewerkrooster twin: seed customers[${i}]: ${outcome.problems.join("; ")}`);
        if ("conflict" in outcome)
          throw new TypeError(`onlinewerkrooster twin: seed customers[${i}]: ${outcome.conflict}`);
      });
    },
    state() {
      return { customers: structuredClone(customers) };
    },
  };
}
