// CORS as Prism's mocks answer it, so a browser app can call a twin from a page on another origin (a dev server on
// another port): the caller's origin is echoed with credentials allowed, a preflight is answered for whatever
// method and headers it asks about, and every header the twin sets is exposed, X-RateLimit-* included.
import type { TwinRequest, TwinResponse } from "./http-types.js";

/**
 * The answer to a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method); undefined for any other
 * request, which goes to the twin.
 */
export function preflight({ method, headers }: TwinRequest): TwinResponse | undefined {
  const asked = headers["access-control-request-method"];
  if (method !== "OPTIONS" || typeof headers.origin !== "string" || typeof asked !== "string") return undefined;
  const askedHeaders = headers["access-control-request-headers"];
  return {
    status: 204,
    headers: {
      "access-control-allow-methods": asked,
      ...(typeof askedHeaders === "string" && { "access-control-allow-headers": askedHeaders }),
      "access-control-max-age": "600",
    },
  };
}

/** The headers that let the page at `origin` read this response, its own headers included. */
export function corsHeaders(origin: string, responseHeaders: Record<string, string> = {}): Record<string, string> {
  const own = Object.keys(responseHeaders).filter((name) => !name.toLowerCase().startsWith("access-control-"));
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-credentials": "true",
    "access-control-expose-headers": ["date", ...own].join(", "),
    vary: "Origin",
  };
}
