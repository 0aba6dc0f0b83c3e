// The factory's options that choose where a call goes: the environment (servers marked `x-environment`, or a path
// parameter of that name), the variables of a templated server URL, and other path options (`x-client-option`).
import type { OpenAPI3, ServerObject } from "openapi-typescript";
import type { ClientModel, ClientOption, ServerPattern } from "./client-options.ts";
import { allowedValues, readPathOptions } from "./render-spec.ts";

export interface ServerOptions {
  kind: ClientModel["server"];
  /** The first server's URL, as the spec writes it (`{name}` where a variable goes). */
  url: string;
  options: ClientOption[];
}

const code = (text: string) => `\`${text}\``;

export function serverOptions(spec: OpenAPI3, id: string): ServerOptions {
  const servers = spec.servers ?? [];
  const first = servers[0];
  if (!first) throw new Error(`${id}: the spec names no server`);
  const paths = pathOptions(spec);
  const environments = servers.filter((s) => typeof s["x-environment"] === "string");
  if (environments.length > 0) {
    if (environments.some((s) => Object.keys(s.variables ?? {}).length > 0)) {
      throw new Error(`${id}: a server with x-environment must not have variables`);
    }
    const values = environments.map((s) => String(s["x-environment"]));
    const listed = environments.map((s) => `${code(String(s["x-environment"]))} (${code(s.url)})`);
    const environment: ClientOption = {
      name: "environment",
      doc: `Which server to call: ${listed.join(" or ")}. No default.`,
      required: true,
      source: { kind: "environment", values, via: "servers" },
    };
    return { kind: "environments", url: first.url, options: [environment, ...paths] };
  }
  const variables = Object.entries(first.variables ?? {});
  if (variables.length === 0) return { kind: "default", url: first.url, options: paths };
  return {
    kind: "template",
    url: first.url,
    options: [...variables.map(([name]) => variableOption(id, first, name)), ...paths],
  };
}

function variableOption(id: string, server: ServerObject, name: string): ClientOption {
  const variable = server.variables[name];
  if (!variable) throw new Error(`${id}: server variable "${name}" is missing`);
  const pattern = readPattern(id, name, variable["x-pattern"], variable["x-pattern-description"]);
  if (pattern && !new RegExp(pattern.regex).test(variable.default)) {
    throw new Error(`${id}: server variable "${name}": its default "${variable.default}" does not match x-pattern`);
  }
  const about = variable.description ? `${variable.description.trim()} ` : "";
  return {
    name,
    doc: `${about}Fills ${code(`{${name}}`)} in ${code(server.url)}.`,
    required: true,
    source: { kind: "server-variable", values: variable.enum, pattern },
  };
}

function readPattern(id: string, name: string, regex: unknown, meaning: unknown): ServerPattern | undefined {
  if (regex === undefined) return undefined;
  if (typeof regex !== "string" || !regex.startsWith("^") || !regex.endsWith("$")) {
    throw new Error(`${id}: server variable "${name}": x-pattern must be a regular expression anchored with ^ and $`);
  }
  new RegExp(regex);
  return { regex, meaning: typeof meaning === "string" ? meaning : `a value matching ${regex}` };
}

/** Path parameters the client fills from its own options (`x-client-option`), once each, in document order. */
function pathOptions(spec: OpenAPI3): ClientOption[] {
  return [...readPathOptions(spec)].map(([name, parameter]) => {
    const values = allowedValues(parameter);
    const about = parameter.description ? `${parameter.description.trim()} ` : "";
    return {
      name,
      doc: `${about}No default.`,
      required: true,
      source:
        name === "environment" && values ? { kind: "environment", values, via: "path" } : { kind: "path", values },
    };
  });
}
