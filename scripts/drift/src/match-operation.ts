import { listOperations } from "@clientele/registry/spec-walk";
import type { OpenAPI3 } from "openapi-typescript";

/**
 * A matcher from a recorded request to the operationId of the spec it belongs to. The recording's host and base
 * path are unknown (a vendor, a proxy, a twin), so a path template matches the end of the URL's path; where several
 * do, the longest template wins (`/customers/find.json` before `/customers/{id}.json`).
 */
export function operationMatcher(spec: OpenAPI3): (method: string, url: string) => string | undefined {
  const routes = listOperations(spec)
    .map(({ path, method, operation }) => ({
      method: method.toUpperCase(),
      operationId: String(operation.operationId),
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
