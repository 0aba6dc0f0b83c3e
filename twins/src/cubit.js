// @ts-check
// Cubit Core (specs/cubit.yaml, 000_edb40a1b32d836a7.txt): upserts keyed by number, per environment.
import { createHash } from "node:crypto";
import { dispatch, empty, json } from "./respond.js";
import { checkOptions, fieldProblems, isRecord } from "./validate.js";

/** @typedef {"test" | "prod"} Environment */
/** @typedef {"customer" | "plant"} Kind */
/** @typedef {Record<string, unknown>} StoredRecord */
/**
 * @typedef {object} CubitTwinOptions
 * @property {{ test?: string, prod?: string }} [apiKeys]  the key of each environment; a key belongs to one
 */
/**
 * Records to upsert per environment, as a client would send them (SocialSecurityNumber included: it is hashed).
 * @typedef {{ [E in Environment]?: { customers?: StoredRecord[], plants?: StoredRecord[] } }} CubitFixtures
 */

export const CUBIT_DEFAULT_KEYS = Object.freeze({ test: "test-api-key", prod: "prod-api-key" });
const ENVIRONMENTS = /** @type {const} */ (["test", "prod"]);

/** The documented customer fields and their types; every other field is open (`additionalProperties: true`). */
const CUSTOMER_FIELDS = /** @type {const} */ ({
  Number: ["string"],
  FirstName: ["string"],
  LastName: ["string"],
  SocialSecurityNumber: ["string"],
  OrganizationNumber: ["string"],
  AcceptElectronicCommunication: ["boolean"],
});

/** @param {CubitTwinOptions} [options] */
export function createCubitTwin(options = {}) {
  checkOptions("createCubitTwin", options, {
    apiKeys: (value) =>
      isRecord(value) &&
      Object.keys(value).every((k) => k === "test" || k === "prod") &&
      Object.values(value).every((v) => typeof v === "string" && v !== "")
        ? undefined
        : "must be { test?: string, prod?: string } with non-empty keys",
  });
  const apiKeys = { ...CUBIT_DEFAULT_KEYS, ...options.apiKeys };
  if (apiKeys.test === apiKeys.prod)
    throw new TypeError('createCubitTwin: option "apiKeys" must differ per environment');

  /** @type {Record<Environment, Record<Kind, Map<string, StoredRecord>>>} */
  let stores = emptyStores();

  /**
   * 401 without a key or with one that is nobody's; 400 when it is the other environment's.
   * @param {import("./http.js").TwinRequest} request
   * @param {Environment} [environment]  the environment of the URL, where it has one
   * @returns {{ environment: Environment } | { refusal: import("./http.js").TwinResponse }}
   */
  function authorize(request, environment) {
    const key = request.headers["api-key"];
    if (typeof key !== "string" || key === "") return { refusal: empty(401, "the api-key header is missing") };
    const owner = ENVIRONMENTS.find((e) => apiKeys[e] === key);
    if (!owner) return { refusal: empty(401, "the api-key is not a key of this Cubit") };
    if (environment && owner !== environment) {
      return { refusal: empty(400, `the api-key belongs to the ${owner} environment, not to ${environment}`) };
    }
    return { environment: owner };
  }

  /**
   * @param {Environment} environment
   * @param {Kind} kind
   * @param {unknown} body
   * @returns {string[]} problems; none when stored
   */
  function upsert(environment, kind, body) {
    if (!isRecord(body)) return ["the body must be a JSON object"];
    const problems = fieldProblems(body, kind === "customer" ? CUSTOMER_FIELDS : { Number: ["string"] }, ["Number"]);
    if (body.Number === "") problems.push("`Number` must not be empty");
    if (problems.length > 0) return problems;
    const { SocialSecurityNumber, ExternalHashID: _readOnly, ...fields } = body;
    const store = stores[environment][kind];
    const number = /** @type {string} */ (body.Number);
    // "If it exists, it will be updated": fields sent replace, fields not sent are kept.
    const stored = { ...store.get(number), ...fields };
    // "SocialSecurityNumbers are transformed as ExternalHashID and not saved as string": only the hash is kept.
    if (kind === "customer" && typeof SocialSecurityNumber === "string") {
      stored.ExternalHashID = createHash("sha256").update(SocialSecurityNumber).digest("hex");
    }
    store.set(number, stored);
    return [];
  }

  /** @param {Kind} kind */
  const routes = (kind) => [
    {
      method: "POST",
      pattern: new RegExp(`^/api/import/(test|prod)/${kind}$`),
      handle: (/** @type {import("./http.js").TwinRequest} */ request, /** @type {string[]} */ [env]) => {
        const auth = authorize(request, /** @type {Environment} */ (env));
        if ("refusal" in auth) return auth.refusal;
        const problems = request.bodyError ? [request.bodyError] : upsert(auth.environment, kind, request.body);
        return problems.length > 0 ? empty(400, problems.join("; ")) : empty(200);
      },
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^/api/import/(test|prod)/${kind}/([^/]+)$`),
      handle: (/** @type {import("./http.js").TwinRequest} */ request, /** @type {string[]} */ [env, number]) => {
        const auth = authorize(request, /** @type {Environment} */ (env));
        if ("refusal" in auth) return auth.refusal;
        // Deleting what is not there leaves the same state as deleting it: the documented 200, no invented 404.
        stores[auth.environment][kind].delete(/** @type {string} */ (number));
        return empty(200);
      },
    },
    {
      method: "GET",
      pattern: new RegExp(`^/api/${kind}/([^/]+)$`),
      handle: (/** @type {import("./http.js").TwinRequest} */ request, /** @type {string[]} */ [number]) => {
        // The URL has no environment: the key says which one is read (specs/cubit.yaml, CustomerNotFound).
        const auth = authorize(request);
        if ("refusal" in auth) return auth.refusal;
        const found = stores[auth.environment][kind].get(/** @type {string} */ (number));
        return found ? json(200, found) : empty(404, `no ${kind} ${number} in the ${auth.environment} environment`);
      },
    },
  ];
  const table = [...routes("customer"), ...routes("plant")];

  return {
    provider: /** @type {const} */ ("cubit"),
    /** @param {import("./http.js").TwinRequest} request */
    handle: (request) => dispatch(table, request),
    reset() {
      stores = emptyStores();
    },
    /** @param {CubitFixtures} fixtures */
    seed(fixtures) {
      if (!isRecord(fixtures)) throw new TypeError("cubit twin: seed() takes { test?: {...}, prod?: {...} }");
      for (const [environment, records] of Object.entries(fixtures)) {
        if (environment !== "test" && environment !== "prod") {
          throw new TypeError(`cubit twin: seed() has no environment "${environment}"; use test or prod`);
        }
        for (const [kind, list] of /** @type {const} */ ([
          ["customer", records?.customers ?? []],
          ["plant", records?.plants ?? []],
        ])) {
          list.forEach((record, i) => {
            const problems = upsert(environment, kind, record);
            if (problems.length > 0) {
              throw new TypeError(`cubit twin: seed ${environment}.${kind}s[${i}]: ${problems.join("; ")}`);
            }
          });
        }
      }
    },
    /** Everything stored, per environment: what a test inspects (SocialSecurityNumber is never among it). */
    state() {
      const view = (/** @type {Environment} */ e) => ({
        customers: [...stores[e].customer.values()].map((r) => structuredClone(r)),
        plants: [...stores[e].plant.values()].map((r) => structuredClone(r)),
      });
      return { test: view("test"), prod: view("prod") };
    },
  };
}

/** @returns {Record<Environment, Record<Kind, Map<string, StoredRecord>>>} */
function emptyStores() {
  return {
    test: { customer: new Map(), plant: new Map() },
    prod: { customer: new Map(), plant: new Map() },
  };
}
