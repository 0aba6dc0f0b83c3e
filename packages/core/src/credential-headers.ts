/**
 * Header names whose values are credentials under any API: never logged, never shown in an error, never sent to
 * another origin. A vendor's own header (Onlinewerkrooster's `CustomerKey`) is added by its generated factory, which
 * passes the spec's security-scheme headers as `authHeaders`; the drift CLI adds the same from the spec.
 */
export const STANDARD_CREDENTIAL_HEADERS: readonly string[] = [
  "authorization",
  "proxy-authorization",
  "api-key",
  "apikey",
  "x-api-key",
  "cookie",
];

/** The lower-case names of every credential header a transport must treat as secret. */
export function credentialHeaderNames(authHeaders: Record<string, string>): ReadonlySet<string> {
  return new Set([...STANDARD_CREDENTIAL_HEADERS, ...Object.keys(authHeaders)].map((name) => name.toLowerCase()));
}
