import type { ClientOptions } from "@clientele/core/runtime";
import {
  createCube4salesClient,
  createCubitClient,
  createCycleSoftwareClient,
  createOnlinewerkroosterClient,
} from "../../support/providers.js";

export const CUBIT_KEY = "cubit-KEY-7f3a9c1e";
export const OWR_KEY = "owr-api-KEY-55aa0b";
export const OWR_CUSTOMER_KEY = "owr-CUSTOMER-KEY-99bb3c";
export const CYCLE_USER = "cycle-user-Q1x";
export const CYCLE_PASSWORD = "cycle-PASSWORD-0c4d";
export const CUBE_TOKEN = "cube-TOKEN-42d8e7";

/** Every secret the factories below are given. */
export const FACTORY_SECRETS = [CUBIT_KEY, OWR_KEY, OWR_CUSTOMER_KEY, CYCLE_USER, CYCLE_PASSWORD, CUBE_TOKEN];

/**
 * The four test clients (support/providers.ts, built like generated ones) on one server, typed as plain JavaScript sees them: anything can be passed.
 * `options` go to every factory (a logger, `maxRetries`).
 */
export function untypedClients(baseUrl: string, options: Omit<ClientOptions, "baseUrl"> = {}) {
  const common = { maxRetries: 0, ...options, baseUrl };
  // Untyped on purpose: the calls below are the ones TypeScript would refuse and plain JavaScript makes.
  type Method = (...args: unknown[]) => Promise<unknown>;
  type Names = "getCustomer" | "getPlant" | "deleteCustomer" | "updateCustomer" | "upsertCustomer" | "createCustomer";
  type Untyped = Record<Names | "findCustomers" | "listCustomers", Method>;
  return {
    cubit: createCubitClient({ ...common, apiKey: CUBIT_KEY, environment: "test" }) as unknown as Untyped,
    owr: createOnlinewerkroosterClient({
      ...common,
      apiKey: OWR_KEY,
      customerKey: OWR_CUSTOMER_KEY,
      environment: "dev",
    }) as unknown as Untyped,
    cycle: createCycleSoftwareClient({
      ...common,
      username: CYCLE_USER,
      password: CYCLE_PASSWORD,
    }) as unknown as Untyped,
    cube: createCube4salesClient({
      ...common,
      account: "acme",
      headers: { "x-api-token": CUBE_TOKEN, ...options.headers },
    }) as unknown as Untyped,
  };
}

export type UntypedClients = ReturnType<typeof untypedClients>;

/**
 * Calls `given` and tells how it failed: a synchronous throw (which a `.catch()` on the promise would miss) is
 * reported as such, so a test can insist on a rejection.
 */
export async function outcome(given: () => Promise<unknown>): Promise<{ threw: unknown; rejected: unknown }> {
  let promise: Promise<unknown>;
  try {
    promise = given();
  } catch (error) {
    return { threw: error, rejected: undefined };
  }
  return promise.then(
    () => ({ threw: undefined, rejected: undefined }),
    (error: unknown) => ({ threw: undefined, rejected: error }),
  );
}
