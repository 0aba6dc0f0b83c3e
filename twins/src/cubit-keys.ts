// Cubit's api-key: one key per environment, and which environment a request's key belongs to.
import type { TwinRequest, TwinResponse } from "./http-types.js";
import { empty } from "./respond.js";
import { checkOptions, isRecord } from "./validate.js";

export type Environment = "test" | "prod";
export const ENVIRONMENTS = ["test", "prod"] as const;

export interface CubitTwinOptions {
  /** the key of each environment; a key belongs to one (default test-api-key, prod-api-key) */
  apiKeys?: { test?: string; prod?: string };
}

export const CUBIT_DEFAULT_KEYS: Readonly<{ test: string; prod: string }> = Object.freeze({
  test: "test-api-key",
  prod: "prod-api-key",
});

export type Authorization = { environment: Environment } | { refusal: TwinResponse };

/**
 * The twin's authorization from its options (checked here, naming the option at fault): 401 without a key or with
 * one that is nobody's; 400 when it is the other environment's than the URL's (`environment`, where it has one).
 */
export function cubitAuthorization(
  options: CubitTwinOptions,
): (request: TwinRequest, environment?: Environment) => Authorization {
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

  return (request, environment) => {
    const key = request.headers["api-key"];
    if (typeof key !== "string" || key === "") return { refusal: empty(401, "the api-key header is missing") };
    const owner = ENVIRONMENTS.find((e) => apiKeys[e] === key);
    if (!owner) return { refusal: empty(401, "the api-key is not a key of this Cubit") };
    if (environment && owner !== environment) {
      return { refusal: empty(400, `the api-key belongs to the ${owner} environment, not to ${environment}`) };
    }
    return { environment: owner };
  };
}
