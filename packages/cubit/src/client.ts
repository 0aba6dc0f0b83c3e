import {
  type ClientOptions,
  checkOptionNames,
  createRawClient,
  createTransport,
  type RawClient,
  requireOneOf,
  requireString,
  type Transport,
} from "@clientele/core/runtime";
import { bindOperations, type Operations } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";
import { accept, defaultServer, type PathOptions, pathOptionValues, sensitiveKeys } from "./generated/spec.js";

const OPTIONS = ["apiKey", "environment"];
const FACTORY = "createCubitClient";

export interface CubitClientOptions extends ClientOptions {
  /** Sent as the `api-key` header. It must belong to `environment`: Cubit answers 400 otherwise. */
  apiKey: string;
  /** `test` or `prod`: Cubit keeps them apart in the URL so test data never touches production. No default. */
  environment: PathOptions["environment"];
}

export type CubitClient = Operations;

/** The lightweight transport the standalone operation functions take; the smallest bundle. */
export function createCubitTransport(options: CubitClientOptions): Transport<PathOptions> {
  checkOptionNames(FACTORY, options, OPTIONS);
  const apiKey = requireString(FACTORY, options, "apiKey");
  const environment = requireOneOf(FACTORY, options, "environment", pathOptionValues.environment);
  return createTransport({
    factory: FACTORY,
    options,
    defaultBaseUrl: defaultServer,
    authHeaders: { "api-key": apiKey },
    accept,
    secrets: [apiKey],
    sensitiveKeys,
    path: { environment },
  });
}

export function createCubitClient(options: CubitClientOptions): CubitClient {
  const transport = createCubitTransport(options);
  return bindOperations(transport);
}

/**
 * The plain [openapi-fetch](https://openapi-ts.dev/openapi-fetch/) client on the same server, key and fetch, for
 * full control: no retries, no typed errors, no redaction. A function of its own rather than a property of the
 * client, so an app that never calls it does not bundle openapi-fetch.
 */
export function createCubitRawClient(options: CubitClientOptions): RawClient<paths> {
  return createRawClient<paths>(createCubitTransport(options));
}
