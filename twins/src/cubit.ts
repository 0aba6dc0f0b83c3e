// Cubit Core (specs/cubit.yaml, 000_edb40a1b32d836a7.txt): upserts keyed by number, per environment.
import { createHash } from "node:crypto";
import type { Customer, CustomerUpsert, Plant, PlantUpsert } from "@clientele/cubit";
import type { TwinRequest, TwinResponse } from "./http-types.js";
import { dispatch, empty, json, type Route } from "./respond.js";
import type { TwinOf } from "./twin-types.js";
import { checkOptions, fieldProblems, isRecord, requireObject, type Shape } from "./validate.js";

type Environment = "test" | "prod";
type Kind = "customer" | "plant";
interface Stored {
  customer: Map<string, Customer>;
  plant: Map<string, Plant>;
}

export interface CubitTwinOptions {
  /** the key of each environment; a key belongs to one (default test-api-key, prod-api-key) */
  apiKeys?: { test?: string; prod?: string };
}
/** Records to upsert per environment, as a client sends them (SocialSecurityNumber included: it is hashed). */
export type CubitFixtures = {
  [E in Environment]?: { customers?: CustomerUpsert[]; plants?: PlantUpsert[] };
};
export interface CubitState {
  test: { customers: Customer[]; plants: Plant[] };
  prod: { customers: Customer[]; plants: Plant[] };
}

export const CUBIT_DEFAULT_KEYS: Readonly<{ test: string; prod: string }> = Object.freeze({
  test: "test-api-key",
  prod: "prod-api-key",
});
const ENVIRONMENTS = ["test", "prod"] as const;

/** The documented customer fields and their types; every other field is open (`additionalProperties: true`). */
const CUSTOMER_FIELDS: Shape = {
  Number: ["string"],
  FirstName: ["string"],
  LastName: ["string"],
  SocialSecurityNumber: ["string"],
  OrganizationNumber: ["string"],
  AcceptElectronicCommunication: ["boolean"],
};

export function createCubitTwin(options: CubitTwinOptions = {}): TwinOf<"cubit"> {
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

  let stores = emptyStores();

  /** 401 without a key or with one that is nobody's; 400 when it is the other environment's (`environment`, the URL's). */
  function authorize(
    request: TwinRequest,
    environment?: Environment,
  ): { environment: Environment } | { refusal: TwinResponse } {
    const key = request.headers["api-key"];
    if (typeof key !== "string" || key === "") return { refusal: empty(401, "the api-key header is missing") };
    const owner = ENVIRONMENTS.find((e) => apiKeys[e] === key);
    if (!owner) return { refusal: empty(401, "the api-key is not a key of this Cubit") };
    if (environment && owner !== environment) {
      return { refusal: empty(400, `the api-key belongs to the ${owner} environment, not to ${environment}`) };
    }
    return { environment: owner };
  }

  /** Stores `body` (an upsert as the client sends it); returns the problems, none when stored. */
  function upsert(environment: Environment, kind: Kind, body: unknown): string[] {
    if (!isRecord(body)) return ["the body must be a JSON object"];
    const problems = fieldProblems(body, kind === "customer" ? CUSTOMER_FIELDS : { Number: ["string"] }, ["Number"]);
    if (body.Number === "") problems.push("`Number` must not be empty");
    if (problems.length > 0) return problems;
    const {
      SocialSecurityNumber,
      ExternalHashID: _readOnly,
      ...fields
    } = body as CustomerUpsert & Record<string, unknown>;
    // One map per kind; the kind's fields were checked above, so a customer map only ever holds customers.
    const store = stores[environment][kind] as Map<string, Customer | Plant>;
    // "SocialSecurityNumbers are transformed as ExternalHashID and not saved as string": only the hash is kept.
    const hash =
      kind === "customer" && typeof SocialSecurityNumber === "string"
        ? { ExternalHashID: createHash("sha256").update(SocialSecurityNumber).digest("hex") }
        : {};
    // "If it exists, it will be updated": fields sent replace, fields not sent are kept.
    store.set(fields.Number, { ...store.get(fields.Number), ...fields, ...hash });
    return [];
  }

  const routes = (kind: Kind): Route[] => [
    {
      method: "POST",
      pattern: new RegExp(`^/api/import/(test|prod)/${kind}$`),
      handle: (request, [env]) => {
        const auth = authorize(request, env as Environment);
        if ("refusal" in auth) return auth.refusal;
        const problems = request.bodyError ? [request.bodyError] : upsert(auth.environment, kind, request.body);
        return problems.length > 0 ? empty(400, problems.join("; ")) : empty(200);
      },
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^/api/import/(test|prod)/${kind}/([^/]+)$`),
      handle: (request, [env, number = ""]) => {
        const auth = authorize(request, env as Environment);
        if ("refusal" in auth) return auth.refusal;
        // Deleting what is not there leaves the same state as deleting it: the documented 200, no invented 404.
        stores[auth.environment][kind].delete(number);
        return empty(200);
      },
    },
    {
      method: "GET",
      pattern: new RegExp(`^/api/${kind}/([^/]+)$`),
      handle: (request, [number = ""]) => {
        // The URL has no environment: the key says which one is read (specs/cubit.yaml, CustomerNotFound).
        const auth = authorize(request);
        if ("refusal" in auth) return auth.refusal;
        const found = stores[auth.environment][kind].get(number);
        return found ? json(200, found) : empty(404, `no ${kind} ${number} in the ${auth.environment} environment`);
      },
    },
  ];
  const table = [...routes("customer"), ...routes("plant")];

  return {
    provider: "cubit",
    handle: (request) => dispatch(table, request),
    reset() {
      stores = emptyStores();
    },
    seed(fixtures) {
      requireObject(fixtures, "cubit twin: seed() takes { test?: {...}, prod?: {...} }");
      for (const [environment, records] of Object.entries(fixtures)) {
        if (environment !== "test" && environment !== "prod") {
          throw new TypeError(`cubit twin: seed() has no environment "${environment}"; use test or prod`);
        }
        const lists: [Kind, readonly unknown[]][] = [
          ["customer", records?.customers ?? []],
          ["plant", records?.plants ?? []],
        ];
        for (const [kind, list] of lists) {
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
      const view = (e: Environment) => ({
        customers: [...stores[e].customer.values()].map((r) => structuredClone(r)),
        plants: [...stores[e].plant.values()].map((r) => structuredClone(r)),
      });
      return { test: view("test"), prod: view("prod") };
    },
  };
}

function emptyStores(): Record<Environment, Stored> {
  return {
    test: { customer: new Map(), plant: new Map() },
    prod: { customer: new Map(), plant: new Map() },
  };
}
