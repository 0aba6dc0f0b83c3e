// The factory's options that choose where a call goes: the environment (servers marked `x-environment`, or a path
// parameter of that name), the variables of a templated server URL, and other path options (`x-client-option`).
import { listOperations } from "@clientele/registry/spec-walk";
import type { OpenAPI3, ParameterObject, ServerObject } from "openapi-typescript";
import type { ClientModel, ClientOption, ServerPattern } from "./client-options.ts";

export interface ServerOptions {
  kind: ClientModel["server"];
  options: ClientOption[];
}

const code = (text: string) => `\`${text}\``;

export function serverOptions(spec: OpenAPI3, id: string): ServerOptions {
  const servers = spec.servers ?? [];
  const first = servers[0];
  if (!first) throw new Error(`${id}: the spec names no server`);
  const paths = pathOptions(spec, id);
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
    return { kind: "environments", options: [environment, ...paths] };
  }
  const variables = Object.entries(first.variables ?? {});
  if (variables.length === 0) return { kind: "default", options: paths };
  return { kind: "template", options: [...variables.map(([name]) => variableOption(id, first, name)), ...paths] };
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
function pathOptions(spec: OpenAPI3, id: string): ClientOption[] {
  const found = new Map<string, ClientOption>();
  for (const { parameters } of listOperations(spec) as { parameters: ParameterObject[] }[]) {
    for (const parameter of parameters) {
      const option = parameter["x-client-option"];
      if (typeof option !== "string" || found.has(option)) continue;
      if (option !== parameter.name) {
        throw new Error(`${id}: x-client-option "${option}" must equal its parameter's name "${parameter.name}"`);
      }
      const values = parameter.schema?.enum as string[] | undefined;
      const about = parameter.description ? `${parameter.description.trim()} ` : "";
      found.set(option, {
        name: option,
        doc: `${about}No default.`,
        required: true,
        source:
          option === "environment" && values ? { kind: "environment", values, via: "path" } : { kind: "path", values },
      });
    }
  }
  return [...found.values()];
}
