import { STANDARD_CREDENTIAL_HEADERS } from "@clientele/core/runtime";
import type { OpenAPI3, ReferenceObject, SecuritySchemeObject } from "openapi-typescript";

/**
 * The request headers whose values a recording of this API must never show, lower case: those a client treats as
 * credentials under any API (core's list) and each
 * header the spec's `apiKey` security schemes name (an `api-key` or `CustomerKey` header), so a vendor's own header
 * is masked without a list of vendors here.
 */
export function credentialHeaders(spec: OpenAPI3): ReadonlySet<string> {
  const schemes: Record<string, SecuritySchemeObject | ReferenceObject> = spec.components?.securitySchemes ?? {};
  const named = Object.values(schemes).flatMap((scheme) =>
    "type" in scheme && scheme.type === "apiKey" && scheme.in === "header" ? [scheme.name.toLowerCase()] : [],
  );
  return new Set([...STANDARD_CREDENTIAL_HEADERS, ...named]);
}
