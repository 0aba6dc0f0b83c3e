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
} from "@clientele/core";
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
  /** The plain openapi-fetch client (same server, credentials and fetch), for full control. */
  raw: RawClient<paths>;
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
    raw: createRawClient<paths>(transport),
    get rateLimit() {
      return transport.rateLimit;
    },
  };
}
