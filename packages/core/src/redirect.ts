/** Redirects the transport follows itself (fetch runs with `redirect: "manual"`), at most this many in a row. */
export const MAX_REDIRECTS = 5;

/** The next hop of a redirect chain. */
export interface Hop {
  url: string;
  init: RequestInit;
}

/**
 * True for an answer the transport must follow or refuse rather than return: a 301/302/303/307/308 with a
 * `Location`, or a browser's `opaqueredirect` (status 0), which hides where it points.
 */
export function isRedirect(response: Response): boolean {
  const { status } = response;
  return (
    response.type === "opaqueredirect" ||
    ((status === 301 || status === 302 || status === 303 || status === 307 || status === 308) &&
      response.headers.has("location"))
  );
}

/**
 * The request a redirect asks for, or why it is not followed. The rules, stricter than fetch's own on purpose:
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
  credentialHeaders: ReadonlySet<string>,
  crossOrigin: boolean | undefined,
): Hop | { refused: string; location?: string } {
  const { status } = response;
  if (response.type === "opaqueredirect") {
    return {
      refused: `answered with a redirect that this runtime hides (an opaque redirect: status 0, no Location), so it cannot be followed safely; call the final URL directly`,
    };
  }
  let to: URL;
  try {
    to = new URL(response.headers.get("location") as string, from);
  } catch {
    return { refused: `answered ${status} with a Location that is no URL` };
  }
  const location = to.href;
  const redirect = `${status} redirect from ${from} to ${location}`;
  if (hops >= MAX_REDIRECTS)
    return { refused: `answered a ${redirect} after ${MAX_REDIRECTS} redirects: too many`, location };
  if (status < 307 && init.method !== "GET") {
    return {
      refused: `answered a ${redirect}, not followed: it would turn the ${init.method} into a GET, whose answer is not the ${init.method}'s`,
      location,
    };
  }
  if (to.origin === new URL(from).origin) return { url: location, init };
  if (!crossOrigin) {
    return {
      refused: `answered a ${redirect}, another origin: refused, so no credential or body leaves for it (the client option allowCrossOriginRedirects follows such a redirect without them)`,
      location,
    };
  }
  if (init.body != null) {
    return { refused: `answered a ${redirect}, another origin, which would need the request body: refused`, location };
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(init.headers as Record<string, string>)) {
    if (!credentialHeaders.has(name)) headers[name] = value;
  }
  return { url: location, init: { ...init, headers } };
}
