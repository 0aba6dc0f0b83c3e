import type { TransportSettings } from "./types.js";

/** Redirects the transport follows itself (fetch runs with `redirect: "manual"`), at most this many in a row. */
export const MAX_REDIRECTS = 5;

/** The next hop of a redirect chain. */
export interface Hop {
  url: string;
  init: RequestInit;
}

/**
 * What an answer asks of the transport: undefined when it is no redirect (it is returned), else the request the
 * redirect asks for, or why it is not followed. A redirect is a 301/302/303/307/308 with a `Location`, or a
 * browser's `opaqueredirect` (status 0), which hides where it points. The rules, stricter than fetch's own on
 * purpose:
 * - the same origin only, unless the client allows other origins; another origin never gets a credential header
 *   nor a body (fetch keeps custom credential headers such as `api-key` and re-sends a 307's body there);
 * - 307/308 keep the method and the body; 301/302/303 are followed for a GET only: fetch would turn a POST into a
 *   GET and the GET's answer would be reported as the write's;
 * - at most `MAX_REDIRECTS` in a row.
 */
export function nextHop(
  response: Response,
  from: string,
  init: RequestInit,
  hops: number,
  settings: TransportSettings,
): Hop | Refusal | undefined {
  const { status } = response;
  if (response.type === "opaqueredirect")
    return [" (an opaque redirect, whose target this runtime hides): not followed"];
  // Not 301, 302, 303, 307 or 308: no redirect (its Location, if any, is not looked up).
  if (status < 301 || status > 308 || (status > 303 && status < 307)) return undefined;
  const location = response.headers.get("location");
  if (location === null) return undefined;
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return [" with a Location that is no URL"];
  }
  const to = target.href;
  const refuse = (why: string): Refusal => [` redirecting to ${to}: ${why}`, to];
  if (hops >= MAX_REDIRECTS) return refuse(`more than ${MAX_REDIRECTS} redirects in a row`);
  if (status < 307 && init.method !== "GET") {
    return refuse(`not followed, as it would turn the ${init.method} into a GET`);
  }
  if (target.origin === new URL(from).origin) return { url: to, init };
  if (!settings.allowCrossOriginRedirects)
    return refuse("another origin, refused: credentials and body stay here (allowCrossOriginRedirects)");
  if (init.body != null) return refuse("another origin, refused: the body would go with it");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(init.headers as Record<string, string>)) {
    if (!settings.credentialHeaders.has(name)) headers[name] = value;
  }
  return { url: to, init: { ...init, headers } };
}

/** Why a redirect is not followed (the end of the error's message), and its redirect target when readable. */
export type Refusal = [why: string, location?: string];
