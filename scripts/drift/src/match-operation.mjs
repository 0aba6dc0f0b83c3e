// @ts-check
import { listOperations } from "@clientele/registry/spec-walk";

/**
 * A matcher from a recorded request to the operationId of the spec it belongs to. The recording's host and base
 * path are unknown (a vendor, a proxy, a twin), so a path template matches the end of the URL's path; where several
 * do, the longest template wins (`/customers/find.json` before `/customers/{id}.json`).
 * @param {any} spec
 * @returns {(method: string, url: string) => string | undefined}
 */
export function operationMatcher(spec) {
  const routes = listOperations(spec)
    .map(({ path, method, operation }) => ({
      method: method.toUpperCase(),
      operationId: /** @type {string} */ (operation.operationId),
      literal: path.replace(/\{[^}]+\}/g, "").length,
      pattern: new RegExp(
        `${path
          .split(/\{[^}]+\}/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
          .join("[^/]+")}$`,
      ),
    }))
    .sort((a, b) => b.literal - a.literal);
  return (method, url) => {
    const { pathname } = new URL(url);
    return routes.find((route) => route.method === method && route.pattern.test(pathname))?.operationId;
  };
}
