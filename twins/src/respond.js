// @ts-check
/** @typedef {import("./http.js").TwinRequest} TwinRequest */
/** @typedef {import("./http.js").TwinResponse} TwinResponse */

/**
 * A twin answers some errors with a status whose body the vendor does not document; this header says why, so a
 * developer is not left guessing. No spec declares it and no client reads it.
 */
export const REASON_HEADER = "x-twin-reason";

/**
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 * @returns {TwinResponse}
 */
export function json(status, body, headers = {}) {
  return { status, body, headers };
}

/**
 * An answer without a body, as the specs document most errors; `reason` only goes into REASON_HEADER.
 * @param {number} status
 * @param {string} [reason]
 * @param {Record<string, string>} [headers]
 * @returns {TwinResponse}
 */
export function empty(status, reason, headers = {}) {
  return { status, headers: reason ? { ...headers, [REASON_HEADER]: reason } : headers };
}

/**
 * A request that leaves the spec, to a vendor that documents no status for that: answered the way Prism's
 * validating proxy answers it (422, problem+json), since the vendor's own answer is unknown.
 * @param {string[]} problems
 * @param {Record<string, string>} [headers]
 * @returns {TwinResponse}
 */
export function outsideSpec(problems, headers = {}) {
  return {
    status: 422,
    headers,
    type: "application/problem+json",
    body: {
      title: "The request leaves the spec",
      status: 422,
      detail: `${problems.join("; ")}. The vendor documents no answer to this request; the twin answers as the validating proxy would.`,
      problems,
    },
  };
}

/**
 * @typedef {object} Route
 * @property {string} method
 * @property {RegExp} pattern     matched against the whole path; its groups are handed to `handle`
 * @property {(request: TwinRequest, params: string[]) => TwinResponse} handle
 */

/**
 * @param {Route[]} routes
 * @param {TwinRequest} request
 * @returns {TwinResponse}
 */
export function dispatch(routes, request) {
  const onPath = routes.flatMap((route) => {
    const match = route.pattern.exec(request.path);
    return match ? [{ route, params: match.slice(1) }] : [];
  });
  if (onPath.length === 0) return empty(404, `no endpoint of this API at ${request.path}`);
  const found = onPath.find(({ route }) => route.method === request.method);
  if (!found) {
    const allow = onPath.map(({ route }) => route.method).join(", ");
    return empty(405, `${request.method} is not an operation on ${request.path}`, { allow });
  }
  return found.route.handle(request, found.params);
}
