import type { TwinRequest, TwinResponse } from "./http-types.js";

/**
 * A twin answers some errors with a status whose body the vendor does not document; this header says why, so a
 * developer is not left guessing. No spec declares it and no client reads it.
 */
export const REASON_HEADER = "x-twin-reason";

export function json(status: number, body: unknown, headers: Record<string, string> = {}): TwinResponse {
  return { status, body, headers };
}

/** An answer without a body, as the specs document most errors; `reason` only goes into REASON_HEADER. */
export function empty(status: number, reason?: string, headers: Record<string, string> = {}): TwinResponse {
  return { status, headers: reason ? { ...headers, [REASON_HEADER]: reason } : headers };
}

/**
 * A request that leaves the spec, to a vendor that documents no status for that: answered the way Prism's
 * validating proxy answers it (422, problem+json), since the vendor's own answer is unknown.
 */
export function outsideSpec(problems: string[], headers: Record<string, string> = {}): TwinResponse {
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

export interface Route {
  method: string;
  /** matched against the whole path; its groups are handed to `handle` */
  pattern: RegExp;
  handle: (request: TwinRequest, params: string[]) => TwinResponse;
}

export function dispatch(routes: readonly Route[], request: TwinRequest): TwinResponse {
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
