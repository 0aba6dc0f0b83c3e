// Cubit Core (specs/cubit.yaml, 000_edb40a1b32d836a7.txt): upserts keyed by number, per environment.
import { createHash } from "node:crypto";
import type { Customer, CustomerUpsert, Plant, PlantUpsert } from "@clientele/cubit";
import { type CubitTwinOptions, cubitAuthorization, type Environment } from "./cubit-keys.js";
import { dispatch, empty, json, type Route } from "./respond.js";
import type { TwinOf } from "./twin-types.js";
import { fieldProblems, isRecord, requireObject, type Shape } from "./validate.js";

export { CUBIT_DEFAULT_KEYS, type CubitTwinOptions } from "./cubit-keys.js";

type Kind = "customer" | "plant";
interface Stored {
  customer: Map<string, Customer>;
  plant: Map<string, Plant>;
}

/** Records to upsert per environment, as a client sends them (SocialSecurityNumber included: it is hashed). */
export type CubitFixtures = {
  [E in Environment]?: { customers?: CustomerUpsert[]; plants?: PlantUpsert[] };
};
export interface CubitState {
  test: { customers: Customer[]; plants: Plant[] };
  prod: { customers: Customer[]; plants: Plant[] };
}

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
  const authorize = cubitAuthorization(options);
  let stores = emptyStores();

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
