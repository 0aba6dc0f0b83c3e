// CycleSoftware (specs/cyclesoftware.yaml, 004_c8c2aa229665ab2a.txt): customers behind HTTP Basic, with the
// X-RateLimit-* headers counting down per minute and per day.
import type { Customer, CustomerInput } from "@clientele/cyclesoftware";
import { type CycleSoftwareTwinOptions, cycleSoftwareSettings } from "./cyclesoftware-options.js";
import { copy, createQueries, INTEGER } from "./cyclesoftware-queries.js";
import {
  apply,
  byId,
  formatDateTime,
  inputProblems,
  newCustomer,
  type StoredCustomer,
} from "./cyclesoftware-records.js";
import { createRateBudget } from "./rate-budget.js";
import { dispatch, empty, json, outsideSpec, type Route } from "./respond.js";
import type { TwinOf } from "./twin-types.js";
import { requireObject } from "./validate.js";

export { CYCLESOFTWARE_DEFAULTS, type CycleSoftwareTwinOptions } from "./cyclesoftware-options.js";
export { formatDateTime } from "./cyclesoftware-records.js";

export interface CycleSoftwareFixtures {
  /** customers with the writable properties and, where given, their ids (kept) */
  customers?: CustomerInput[];
}
export interface CycleSoftwareState {
  customers: Customer[];
  minuteRemaining: number;
  dayRemaining: number;
}

export function createCycleSoftwareTwin(options: CycleSoftwareTwinOptions = {}): TwinOf<"cyclesoftware"> {
  const settings = cycleSoftwareSettings(options);
  const now = options.now ?? Date.now;
  const expected = `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString("base64")}`;
  const budget = createRateBudget({ perMinute: settings.perMinute, perDay: settings.perDay, now });
  /** The customers by id, with when each was last created or changed (the document exposes no such field). */
  let customers = new Map<number, { customer: StoredCustomer; modified: number }>();
  let nextId = 1;
  const { find, list } = createQueries({
    entries: () => customers.values(),
    pageSize: settings.pageSize,
    customerTypes: settings.customerTypes,
    headers: () => budget.headers(),
  });

  /** Fixtures keep their ids and creation times (`keepId`); the API assigns both. */
  function create(body: CustomerInput, { keepId }: { keepId: boolean }): StoredCustomer {
    const id = keepId && typeof body.customer_id === "number" ? body.customer_id : nextId;
    nextId = Math.max(nextId, id + 1);
    const created = keepId && body.datetime_created !== undefined ? body.datetime_created : formatDateTime(now());
    const customer = newCustomer(id, created, body);
    customers.set(id, { customer, modified: now() });
    return customer;
  }

  const customerIdOf = (raw: string | undefined) => (raw !== undefined && INTEGER.test(raw) ? Number(raw) : undefined);

  const table: Route[] = [
    {
      method: "POST",
      pattern: /^\/api\/v1\/customers\.json$/,
      handle: (request) => {
        const problems = request.bodyError ? [request.bodyError] : inputProblems(request.body);
        if (problems.length > 0) return outsideSpec(problems, budget.headers());
        return json(200, copy(create(request.body as CustomerInput, { keepId: false })), budget.headers());
      },
    },
    { method: "GET", pattern: /^\/api\/v1\/customers\/find\.json$/, handle: find },
    { method: "GET", pattern: /^\/api\/v1\/customers\/list\.json$/, handle: list },
    {
      method: "GET",
      pattern: /^\/api\/v1\/customers\/([^/]+)\.json$/,
      handle: (_request, [raw]) => {
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
      handle: (request, [raw]) => {
        const id = customerIdOf(raw);
        if (id === undefined) return outsideSpec(["the path's `customer_id` must be an integer"], budget.headers());
        const problems = request.bodyError ? [request.bodyError] : inputProblems(request.body);
        if (problems.length > 0) return outsideSpec(problems, budget.headers());
        const entry = customers.get(id);
        if (!entry) return empty(404, `no customer ${id}`, budget.headers());
        // Properties left out are kept: the document does not say they are cleared.
        apply(entry.customer, request.body as CustomerInput);
        entry.modified = now();
        return json(200, copy(entry.customer), budget.headers());
      },
    },
  ];

  return {
    provider: "cyclesoftware",
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
    seed(fixtures) {
      requireObject(fixtures, "cyclesoftware twin: seed() takes { customers?: [...] }");
      (fixtures.customers ?? []).forEach((customer, i) => {
        const problems = inputProblems(customer);
        if (problems.length > 0)
          throw new TypeError(`cyclesoftware twin: seed customers[${i}]: ${problems.join("; ")}`);
        create(customer, { keepId: true });
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
