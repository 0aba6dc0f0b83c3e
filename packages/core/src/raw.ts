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

/** The plain openapi-fetch client on the same server, credentials and fetch: full control, no retries. */
export function createRawClient<Paths extends {}>(transport: Transport<unknown>): Client<Paths> {
  const { baseUrl, fetch, headers } = transport.settings;
  return createClient()<Paths>({ baseUrl, fetch: (request) => fetch(request), headers });
}

export type { Client as RawClient } from "openapi-fetch";
