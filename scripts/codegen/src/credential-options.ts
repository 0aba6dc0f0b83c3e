// The factory's credential options, from the security schemes the spec's root `security` requires.
import { deref } from "@clientele/registry/spec-walk";
import type { OpenAPI3, SecuritySchemeObject } from "openapi-typescript";
import type { ClientModel, ClientOption } from "./client-options.ts";

export interface Credentials {
  kind: ClientModel["credentials"];
  options: ClientOption[];
}

/**
 * One option per apiKey header (named by the scheme's `x-client-option`), `username` and `password` for HTTP
 * Basic, none when the spec requires no scheme: then the caller passes whatever the vendor issues as `headers`.
 */
export function credentialOptions(spec: OpenAPI3, id: string): Credentials {
  const names = [...new Set((spec.security ?? []).flatMap((requirement) => Object.keys(requirement)))];
  if (names.length === 0) return { kind: "none", options: [] };
  const schemes = names.map((name) => {
    const raw = spec.components?.securitySchemes?.[name];
    if (!raw) throw new Error(`${id}: security names the scheme "${name}", which components.securitySchemes lacks`);
    return [name, deref(spec, raw) as SecuritySchemeObject] as const;
  });
  const basic = schemes.filter(([, scheme]) => scheme.type === "http" && scheme.scheme.toLowerCase() === "basic");
  if (basic.length > 0) {
    if (schemes.length > 1) throw new Error(`${id}: HTTP Basic beside another security scheme is not supported`);
    const [[, scheme]] = basic as [(typeof basic)[0]];
    const about = describe(scheme);
    return {
      kind: "basic",
      options: [
        {
          name: "username",
          doc: `HTTP Basic user name.${about}`,
          required: true,
          source: { kind: "basic", part: "username" },
        },
        {
          name: "password",
          doc: `HTTP Basic password.${about}`,
          required: true,
          source: { kind: "basic", part: "password" },
        },
      ],
    };
  }
  return { kind: "headers", options: schemes.map(([name, scheme]) => headerOption(id, name, scheme)) };
}

function headerOption(id: string, name: string, scheme: SecuritySchemeObject): ClientOption {
  if (scheme.type !== "apiKey" || scheme.in !== "header") {
    throw new Error(
      `${id}: security scheme "${name}" is ${scheme.type}; only apiKey headers and HTTP Basic are supported`,
    );
  }
  const option = scheme["x-client-option"];
  if (typeof option !== "string" || !/^[a-z][A-Za-z0-9]*$/.test(option)) {
    throw new Error(
      `${id}: security scheme "${name}" needs an x-client-option naming its factory option (e.g. apiKey)`,
    );
  }
  return {
    name: option,
    doc: `Sent as the \`${scheme.name}\` header.${describe(scheme)}`,
    required: true,
    source: { kind: "header", header: scheme.name },
  };
}

const describe = (scheme: SecuritySchemeObject) => (scheme.description ? ` ${scheme.description.trim()}` : "");
