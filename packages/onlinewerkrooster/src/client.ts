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
import { accept, environmentServers, sensitiveKeys } from "./generated/spec.js";

const OPTIONS = ["apiKey", "customerKey", "environment"];
const FACTORY = "createOnlinewerkroosterClient";
const ENVIRONMENTS = Object.keys(environmentServers) as (keyof typeof environmentServers)[];

export interface OnlinewerkroosterClientOptions extends ClientOptions {
  /** Sent as the `apikey` header; issued by the onlinewerkrooster.be team. */
  apiKey: string;
  /** Sent as the `CustomerKey` header; issued by the onlinewerkrooster.be team. */
  customerKey: string;
  /** Which documented host to call. No default. */
  environment: keyof typeof environmentServers;
}

export type OnlinewerkroosterClient = Operations;

/** The lightweight transport the standalone operation functions take; the smallest bundle. */
export function createOnlinewerkroosterTransport(options: OnlinewerkroosterClientOptions): Transport<undefined> {
  checkOptionNames(FACTORY, options, OPTIONS);
  const apiKey = requireString(FACTORY, options, "apiKey");
  const customerKey = requireString(FACTORY, options, "customerKey");
  const environment = requireOneOf(FACTORY, options, "environment", ENVIRONMENTS);
  return createTransport({
    factory: FACTORY,
    options,
    defaultBaseUrl: environmentServers[environment],
    authHeaders: { apikey: apiKey, CustomerKey: customerKey },
    accept,
    secrets: [apiKey, customerKey],
    sensitiveKeys,
  });
}

export function createOnlinewerkroosterClient(options: OnlinewerkroosterClientOptions): OnlinewerkroosterClient {
  const transport = createOnlinewerkroosterTransport(options);
  return bindOperations(transport);
}

/**
 * The plain [openapi-fetch](https://openapi-ts.dev/openapi-fetch/) client on the same server, keys and fetch, for
 * full control: no retries, no typed errors, no redaction. A function of its own rather than a property of the
 * client, so an app that never calls it does not bundle openapi-fetch.
 */
export function createOnlinewerkroosterRawClient(options: OnlinewerkroosterClientOptions): RawClient<paths> {
  return createRawClient<paths>(createOnlinewerkroosterTransport(options));
}
