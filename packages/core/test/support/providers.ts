/**
 * Four clients built from core alone, the way `pnpm generate` builds a provider package: an `Operation` constant and a
 * function calling `send` per operation (as in `packages/cubit/src/generated/operations.ts`), and a factory checking
 * its options before `createTransport` (as in `packages/cubit/src/client.ts`). They copy the shapes of the four
 * vendors' APIs, which between them use every part of core: an API-key header and a path option (Cubit), two
 * credential headers and per-environment servers (Onlinewerkrooster), a server variable and headers the user names
 * (Cube4sales), Basic credentials, rate limits, an error flag and offset pagination (CycleSoftware). Core's tests
 * test core through them without depending on the provider packages; the generated clients have their own tests.
 */
import {
  type ApiPromise,
  basicCredential,
  type ClientOptions,
  checkOptionNames,
  createRawClient,
  createTransport,
  errorFlag,
  jsonBody,
  type Operation,
  OptionError,
  optionalCount,
  type PagePromise,
  paginateByOffset,
  pathParam,
  queryString,
  type RequestOptions,
  rateLimiting,
  requireOneOf,
  requireString,
  send,
  type Transport,
} from "@clientele/core/runtime";

/** A record as the tests read it: any field, of any JSON type. */
export type Customer = Record<string, any>;
type Body = Record<string, unknown>;
type Query = Record<string, unknown>;
type BodyOptions = RequestOptions & { extraBody?: Body };

// Cubit: an `api-key` header and the environment in the path.
const cubitHint = {
  400: "The API key does not match the environment in the URL.",
  401: "The api-key header is missing.",
};
const cubitOps = {
  upsertCustomer: { id: "upsertCustomer", method: "POST", idempotent: true, body: "required", hints: cubitHint },
  deleteCustomer: { id: "deleteCustomer", method: "DELETE", idempotent: true, hints: cubitHint },
  getCustomer: { id: "getCustomer", method: "GET", idempotent: true, json: true, hints: { 404: "No such customer." } },
  getPlant: { id: "getPlant", method: "GET", idempotent: true, json: true },
} satisfies Record<string, Operation>;

export interface CubitOptions extends ClientOptions {
  apiKey: string;
  environment: "test" | "prod";
}

export function createCubitTransport(options: CubitOptions): Transport<{ environment: string }> {
  const factory = "createCubitClient";
  checkOptionNames(factory, options, ["apiKey", "environment"]);
  const apiKey = requireString(factory, options, "apiKey");
  const environment = requireOneOf(factory, options, "environment", ["test", "prod"]);
  return createTransport({
    factory,
    options,
    defaultBaseUrl: "https://plants.cubit.no",
    authHeaders: { "api-key": apiKey },
    accept: "application/json",
    secrets: [apiKey],
    sensitiveKeys: ["SocialSecurityNumber"],
    path: { environment },
  });
}

export function createCubitClient(options: CubitOptions) {
  const transport = createCubitTransport(options);
  const env = (op: Operation) => pathParam(transport.path.environment, op, "environment");
  const { upsertCustomer, deleteCustomer, getCustomer, getPlant } = cubitOps;
  return {
    upsertCustomer: (body: Body, options?: BodyOptions): ApiPromise<Customer> =>
      send(transport, upsertCustomer, () => `/api/import/${env(upsertCustomer)}/customer`, options, jsonBody, body),
    deleteCustomer: (number: string, options?: RequestOptions): ApiPromise<undefined> =>
      send(
        transport,
        deleteCustomer,
        () => `/api/import/${env(deleteCustomer)}/customer/${pathParam(number, deleteCustomer, "number")}`,
        options,
      ),
    getCustomer: (number: string, options?: RequestOptions): ApiPromise<Customer> =>
      send(transport, getCustomer, () => `/api/customer/${pathParam(number, getCustomer, "number")}`, options),
    getPlant: (number: string, options?: RequestOptions): ApiPromise<Customer> =>
      send(transport, getPlant, () => `/api/plant/${pathParam(number, getPlant, "number")}`, options),
  };
}

export function createCubitRawClient(options: CubitOptions) {
  return createRawClient<CubitPaths>(createCubitTransport(options));
}

/** The two raw paths the tests call, in openapi-typescript's shape. */
interface CubitPaths {
  "/api/customer/{number}": {
    get: {
      parameters: { path: { number: string } };
      responses: { 200: { content: { "application/json": Customer } } };
    };
  };
  "/api/import/{environment}/customer": {
    post: {
      parameters: { path: { environment: string } };
      requestBody: { content: { "application/json": Body } };
      responses: { 200: { content: { "application/json": Customer } } };
    };
  };
}

// Onlinewerkrooster: two credential headers, one server per environment, a non-idempotent create.
const owrCreate: Operation = {
  id: "createCustomer",
  method: "POST",
  idempotent: false,
  body: "required",
  json: true,
  hints: { 401: "Invalid ApiKey. Check the values.", 409: "Functional error. Check the values." },
};
const OWR_SERVERS = {
  prod: "https://owr-public-services-prod.herokuapp.com",
  dev: "https://owr-public-services-dev.herokuapp.com",
};

export interface OnlinewerkroosterOptions extends ClientOptions {
  apiKey: string;
  customerKey: string;
  environment: "prod" | "dev";
}

export function createOnlinewerkroosterTransport(options: OnlinewerkroosterOptions): Transport<undefined> {
  const factory = "createOnlinewerkroosterClient";
  checkOptionNames(factory, options, ["apiKey", "customerKey", "environment"]);
  const apiKey = requireString(factory, options, "apiKey");
  const customerKey = requireString(factory, options, "customerKey");
  const environment = requireOneOf(factory, options, "environment", ["prod", "dev"] as const);
  return createTransport({
    factory,
    options,
    defaultBaseUrl: OWR_SERVERS[environment],
    authHeaders: { apikey: apiKey, CustomerKey: customerKey },
    accept: "application/json, text/plain",
    secrets: [apiKey, customerKey],
  });
}

export function createOnlinewerkroosterClient(options: OnlinewerkroosterOptions) {
  const transport = createOnlinewerkroosterTransport(options);
  return {
    createCustomer: (body: Body, options?: BodyOptions): ApiPromise<Customer> =>
      send(transport, owrCreate, "/api/customers", options, jsonBody, body),
  };
}

// Cube4sales: the account is a server variable; the credential is whatever header the user sends.
const cubeOps = {
  listCustomers: { id: "listCustomers", method: "GET", idempotent: true, json: true },
  createCustomer: { id: "createCustomer", method: "POST", idempotent: false, body: "required" },
  updateCustomer: { id: "updateCustomer", method: "PUT", idempotent: true, body: "required" },
} satisfies Record<string, Operation>;

export interface Cube4salesOptions extends ClientOptions {
  account: string;
}

export function createCube4salesTransport(options: Cube4salesOptions): Transport<undefined> {
  const factory = "createCube4salesClient";
  checkOptionNames(factory, options, ["account"]);
  const account = requireString(factory, options, "account");
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(account)) {
    throw new OptionError(factory, "account", "must be a subdomain label (letters, digits and inner hyphens)");
  }
  // The credential goes in whichever header the user names, so here every header of theirs is one (the real factory
  // spares content negotiation; core does not care which headers are credentials, only that they are masked).
  const authHeaders = { ...options.headers };
  return createTransport({
    factory,
    options,
    defaultBaseUrl: `https://${account}.cube4sales.com`,
    authHeaders,
    accept: "application/json",
    secrets: Object.values(authHeaders),
  });
}

export function createCube4salesClient(options: Cube4salesOptions) {
  const transport = createCube4salesTransport(options);
  const { listCustomers, createCustomer, updateCustomer } = cubeOps;
  return {
    listCustomers: (query: Query, options?: RequestOptions): ApiPromise<Customer[]> =>
      send(transport, listCustomers, () => `/crm/customers${queryString(query, listCustomers)}`, options),
    createCustomer: (body: Body, options?: BodyOptions): ApiPromise<Customer> =>
      send(transport, createCustomer, "/crm/customers", options, jsonBody, body),
    updateCustomer: (customerId: number, body: Body, options?: BodyOptions): ApiPromise<Customer> =>
      send(
        transport,
        updateCustomer,
        () => `/crm/customers/${pathParam(customerId, updateCustomer, "customer_id")}`,
        options,
        jsonBody,
        body,
      ),
  };
}

// CycleSoftware: Basic credentials, rate-limit headers (and an optional client-side limit), an error flag in 2xx
// bodies, offset pagination.
const cycleHints = { 401: "Missing or invalid credentials.", 404: "No customer has the customer_id of the path." };
const cycleOps = {
  createCustomer: { id: "createCustomer", method: "POST", idempotent: false, body: "required", json: true },
  findCustomers: { id: "findCustomers", method: "GET", idempotent: true, json: true },
  listCustomers: {
    id: "listCustomers",
    method: "GET",
    idempotent: true,
    json: true,
    errorFlag: errorFlag("error", "error_message"),
  },
  getCustomer: { id: "getCustomer", method: "GET", idempotent: true, json: true, hints: cycleHints },
  updateCustomer: { id: "updateCustomer", method: "PUT", idempotent: true, body: "required", json: true },
} satisfies Record<string, Operation>;
const CYCLE_RATE_LIMIT_HEADERS = {
  minuteLimit: "X-RateLimit-Minutely-Limit",
  minuteRemaining: "X-RateLimit-Minutely-Remaining",
  dayLimit: "X-RateLimit-Daily-Limit",
  dayRemaining: "X-RateLimit-Daily-Remaining",
  dayReset: "X-RateLimit-Daily-Reset",
};

export interface CycleSoftwareOptions extends ClientOptions {
  username: string;
  password: string;
  requestsPerMinute?: number;
}

export function createCycleSoftwareTransport(options: CycleSoftwareOptions): Transport<undefined> {
  const factory = "createCycleSoftwareClient";
  checkOptionNames(factory, options, ["username", "password", "requestsPerMinute"]);
  const username = requireString(factory, options, "username");
  const password = requireString(factory, options, "password");
  const credential = basicCredential(username, password);
  return createTransport({
    factory,
    options,
    defaultBaseUrl: "https://api.cyclesoftware.nl",
    authHeaders: { authorization: `Basic ${credential}` },
    accept: "application/json",
    secrets: [credential, password, username],
    rateLimits: rateLimiting(CYCLE_RATE_LIMIT_HEADERS, optionalCount(factory, options, "requestsPerMinute")),
  });
}

type Page = { customers?: Customer[]; pagination?: { next_offset?: number | null } };

export function createCycleSoftwareClient(options: CycleSoftwareOptions) {
  const transport = createCycleSoftwareTransport(options);
  const { createCustomer, findCustomers, listCustomers, getCustomer, updateCustomer } = cycleOps;
  const customerPath = (customerId: number, op: Operation) =>
    `/api/v1/customers/${pathParam(customerId, op, "customer_id")}.json`;
  return {
    get rateLimit() {
      return transport.rateLimit;
    },
    createCustomer: (body: Body, options?: BodyOptions): ApiPromise<Customer> =>
      send(transport, createCustomer, "/api/v1/customers.json", options, jsonBody, body),
    findCustomers: (query?: Query, options?: RequestOptions): ApiPromise<Customer[]> =>
      send(transport, findCustomers, () => `/api/v1/customers/find.json${queryString(query, findCustomers)}`, options),
    listCustomers: (query?: Query, options?: RequestOptions): PagePromise<Page, Customer> => {
      const page = (offset?: number) =>
        send<Page>(
          transport,
          listCustomers,
          () =>
            `/api/v1/customers/list.json${queryString(offset === undefined ? query : { ...query, offset }, listCustomers)}`,
          options,
        );
      return paginateByOffset(
        page(),
        page,
        (p) => p?.customers,
        (p) => p?.pagination?.next_offset,
        listCustomers,
      );
    },
    getCustomer: (customerId: number, options?: RequestOptions): ApiPromise<Customer> =>
      send(transport, getCustomer, () => customerPath(customerId, getCustomer), options),
    updateCustomer: (customerId: number, body: Body, options?: BodyOptions): ApiPromise<Customer> =>
      send(transport, updateCustomer, () => customerPath(customerId, updateCustomer), options, jsonBody, body),
  };
}
