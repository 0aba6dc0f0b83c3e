import type { Client } from "openapi-fetch";
import * as openapiFetch from "openapi-fetch";
import type { Transport } from "./transport.js";

type CreateClient = typeof openapiFetch.default;

/**
 * openapi-fetch's factory, its default export. The ESM build imports openapi-fetch's ESM file, where `default` is
 * the factory. The CJS build requires its CJS file with Node's interop (the bundler's `__toESM(…, 1)`: `default` is
 * the whole `module.exports`), where the factory is one level down, at `exports.default`.
 */
function createClient(): CreateClient {
  const exported = openapiFetch.default as CreateClient | { default: CreateClient };
  return typeof exported === "function" ? exported : exported.default;
}

/**
 * The plain openapi-fetch client on the same server, credentials and fetch: full control, no retries. Redirects
 * come back as they are (`redirect: "manual"`, which a call may override): openapi-fetch's default, `follow`, would
 * send the client's credential headers and a 307's body to whatever origin a redirect names.
 */
export function createRawClient<Paths extends {}>(transport: Transport<unknown>): Client<Paths> {
  const { baseUrl, fetch, headers } = transport.settings;
  return createClient()<Paths>({ baseUrl, fetch: (request) => fetch(request), headers, redirect: "manual" });
}

export type { Client as RawClient } from "openapi-fetch";
