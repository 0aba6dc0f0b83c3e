/**
 * Header names whose values are credentials wherever they appear: never logged, never shown in an error, never sent
 * to another origin. A factory adds the names of its own auth headers (from the spec's security schemes).
 */
export const STANDARD_CREDENTIAL_HEADERS: readonly string[] = [
  "authorization",
  "proxy-authorization",
  "api-key",
  "apikey",
  "x-api-key",
  "customerkey",
  "cookie",
];

/** The lower-case names of every credential header a transport must treat as secret. */
export function credentialHeaderNames(authHeaders: Record<string, string>): ReadonlySet<string> {
  return new Set([...STANDARD_CREDENTIAL_HEADERS, ...Object.keys(authHeaders).map((name) => name.toLowerCase())]);
}
