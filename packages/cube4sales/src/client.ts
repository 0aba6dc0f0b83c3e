import {
  type ClientOptions,
  checkOptionNames,
  createRawClient,
  createTransport,
  OptionError,
  type RawClient,
  requireString,
  type Transport,
} from "@clientele/core/runtime";
import { bindOperations, type Operations } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";
import { accept, defaultServer, sensitiveKeys } from "./generated/spec.js";

const OPTIONS = ["account"];
const FACTORY = "createCube4salesClient";
const NOT_SECRET = new Set(["accept", "accept-language", "content-type", "user-agent"]);

export interface Cube4salesClientOptions extends ClientOptions {
  /** Your Cube account subdomain: `https://{account}.cube4sales.com`. */
  account: string;
  /**
   * The document names no auth scheme: whatever credential the vendor issues goes here. Every value is treated
   * as a secret and redacted from errors and logs.
   */
  headers?: Record<string, string>;
}

export type Cube4salesClient = Operations;

/** The lightweight transport the standalone operation functions take; the smallest bundle. */
export function createCube4salesTransport(options: Cube4salesClientOptions): Transport<undefined> {
  checkOptionNames(FACTORY, options, OPTIONS);
  const account = requireString(FACTORY, options, "account");
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(account)) {
    throw new OptionError(FACTORY, "account", "must be a subdomain label (letters, digits and inner hyphens)");
  }
  // The credential goes in some header the document does not name, so every header value is a secret, except those
  // of content negotiation: masking "application/json" would garble every message that mentions it.
  // They are its auth headers, so their names are credential headers too: masked by name in logs, also per call.
  const authHeaders = Object.fromEntries(
    Object.entries(options.headers && typeof options.headers === "object" ? options.headers : {}).filter(
      ([name, value]) => !NOT_SECRET.has(name.toLowerCase()) && typeof value === "string",
    ),
  );
  return createTransport({
    factory: FACTORY,
    options,
    defaultBaseUrl: defaultServer.replace("{account}", account),
    authHeaders,
    accept,
    secrets: Object.values(authHeaders),
    sensitiveKeys,
  });
}

export function createCube4salesClient(options: Cube4salesClientOptions): Cube4salesClient {
  const transport = createCube4salesTransport(options);
  return bindOperations(transport);
}

/**
 * The plain [openapi-fetch](https://openapi-ts.dev/openapi-fetch/) client on the same server, headers and fetch, for
 * full control: no retries, no typed errors, no redaction. A function of its own rather than a property of the
 * client, so an app that never calls it does not bundle openapi-fetch.
 */
export function createCube4salesRawClient(options: Cube4salesClientOptions): RawClient<paths> {
  return createRawClient<paths>(createCube4salesTransport(options));
}
