import {
  basicCredential,
  type ClientOptions,
  checkOptionNames,
  createRawClient,
  createTransport,
  optionalCount,
  type RawClient,
  rateLimiting,
  requireString,
  type Transport,
} from "@clientele/core/runtime";
import { bindOperations, type Operations } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";
import { accept, defaultServer, rateLimitHeaders, sensitiveKeys } from "./generated/spec.js";

const OPTIONS = ["username", "password", "requestsPerMinute"];
const FACTORY = "createCycleSoftwareClient";

export interface CycleSoftwareClientOptions extends ClientOptions {
  /** HTTP Basic user name. */
  username: string;
  /** HTTP Basic password. */
  password: string;
  /**
   * Hold requests back so this client sends at most this many in any 60 seconds (CycleSoftware allows 360).
   * Off by default.
   */
  requestsPerMinute?: number;
}

export type CycleSoftwareClient = Operations & {
  /** The rate-limit figures of the latest response. */
  readonly rateLimit: Transport<undefined>["rateLimit"];
};

/** The lightweight transport the standalone operation functions take; the smallest bundle. */
export function createCycleSoftwareTransport(options: CycleSoftwareClientOptions): Transport<undefined> {
  checkOptionNames(FACTORY, options, OPTIONS);
  const username = requireString(FACTORY, options, "username");
  const password = requireString(FACTORY, options, "password");
  const credential = basicCredential(username, password);
  return createTransport({
    factory: FACTORY,
    options,
    defaultBaseUrl: defaultServer,
    authHeaders: { authorization: `Basic ${credential}` },
    accept,
    secrets: [credential, password, username],
    sensitiveKeys,
    rateLimits: rateLimiting(rateLimitHeaders, optionalCount(FACTORY, options, "requestsPerMinute")),
  });
}

export function createCycleSoftwareClient(options: CycleSoftwareClientOptions): CycleSoftwareClient {
  const transport = createCycleSoftwareTransport(options);
  return {
    ...bindOperations(transport),
    get rateLimit() {
      return transport.rateLimit;
    },
  };
}

/**
 * The plain [openapi-fetch](https://openapi-ts.dev/openapi-fetch/) client on the same server, credentials and fetch, for
 * full control: no retries, no typed errors, no redaction. A function of its own rather than a property of the
 * client, so an app that never calls it does not bundle openapi-fetch.
 */
export function createCycleSoftwareRawClient(options: CycleSoftwareClientOptions): RawClient<paths> {
  return createRawClient<paths>(createCycleSoftwareTransport(options));
}
