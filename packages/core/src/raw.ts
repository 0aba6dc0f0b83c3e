import createClient, { type Client } from "openapi-fetch";
import type { Transport } from "./transport.js";

/** The plain openapi-fetch client on the same server, credentials and fetch: full control, no retries. */
export function createRawClient<Paths extends {}>(transport: Transport<unknown>): Client<Paths> {
  const { baseUrl, fetch, headers } = transport.settings;
  return createClient<Paths>({ baseUrl, fetch: (request) => fetch(request), headers });
}

export type { Client as RawClient } from "openapi-fetch";
