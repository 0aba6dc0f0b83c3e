import { deref, listOperations, type OpenAPI3, sensitivePropertyNames } from "@clientele/registry/spec-walk";
import type { ParameterObject, ResponseObject } from "openapi-typescript";

const literal = (value: unknown) => JSON.stringify(value);

/**
 * The path parameters a client fills from its own options (marked `x-client-option`), by option name, the first of
 * each in document order: the factory's path options and spec.ts's `PathOptions` both come from here.
 */
export function readPathOptions(spec: OpenAPI3): Map<string, ParameterObject> {
  const options = new Map<string, ParameterObject>();
  for (const { parameters } of listOperations(spec)) {
    for (const parameter of parameters) {
      const option = parameter["x-client-option"];
      if (typeof option !== "string" || options.has(option)) continue;
      if (option !== parameter.name)
        throw new Error(`x-client-option "${option}" must equal its parameter's name "${parameter.name}"`);
      options.set(option, parameter);
    }
  }
  return options;
}

/** The values a path option allows: its schema's `enum`, if it has one. */
export const allowedValues = (parameter: ParameterObject): string[] | undefined =>
  (parameter.schema as { enum?: string[] } | undefined)?.enum;

/** spec.ts: what a client factory needs from the spec, as constants. */
export function renderSpecConstants(spec: OpenAPI3) {
  const servers = spec.servers ?? [];
  const [first] = servers;
  if (!first) throw new Error("the spec names no server");
  // Only URLs: the descriptions live in the spec and the docs, not in every user's bundle. The first server's URL
  // is written into the factory itself (client-options.ts), so it is not repeated here.
  let text = "";
  const byEnvironment = servers.filter((s) => typeof s["x-environment"] === "string");
  if (byEnvironment.length > 0) {
    text += `\n/** The server of each environment (\`x-environment\`). */\n`;
    text += `export const environmentServers = {\n${byEnvironment.map((s) => `  ${literal(s["x-environment"])}: ${literal(s.url)},\n`).join("")}} as const;\n`;
  }
  const pathOptions = readPathOptions(spec);
  if (pathOptions.size > 0) {
    text += `\n/** Path parameters the client fills from its own options. */\nexport interface PathOptions {\n`;
    for (const [name, parameter] of pathOptions) {
      const values = allowedValues(parameter);
      text += `  ${name}: ${values ? values.map(literal).join(" | ") : "string"};\n`;
    }
    // The allowed values are written into the factory's checks (render-factory-body.ts), so only the type is here.
    text += "}\n";
  }
  const accept = responseMediaTypes(spec);
  if (accept.length > 0) {
    text += `\n/** Every media type the spec's responses use, for the \`Accept\` header. */\n`;
    text += `export const accept = ${literal(accept.join(", "))};\n`;
  }
  const sensitive = [...sensitivePropertyNames(spec)].sort();
  // Only where some field is `x-sensitive`: the factory passes the list only then (client-options.ts).
  if (sensitive.length > 0) {
    text += `\n/** Body fields whose values are redacted from errors and logs (\`x-sensitive\`). */\n`;
    text += `export const sensitiveKeys: readonly string[] = ${literal(sensitive)};\n`;
  }
  const rateLimit = spec["x-rate-limit"];
  if (rateLimit) {
    text += `\n/** The response headers that carry rate-limit figures (\`x-rate-limit\`). */\n`;
    text += `export const rateLimitHeaders = ${literal(rateLimit)} as const;\n`;
  }
  return text;
}

/** What a closed request schema's doc comment adds: where the fields the vendor promises but does not name go. */
const CLOSED_NOTE = "Typed with the named fields only: send any other through the call's `extraBody` option.";

/**
 * models.ts: a friendly name for every component schema.
 * `closed`: request schemas typed without the spec's `additionalProperties: true`
 */
export function renderModels(spec: OpenAPI3, closed: ReadonlySet<string> = new Set()) {
  let text = `import type { components } from "./schema.js";\n\n`;
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`schema name "${name}" is not a valid type name`);
    const lines = [String(schema.description ?? "").split("\n")[0]];
    if (closed.has(name)) lines.push(CLOSED_NOTE);
    const description = lines.filter(Boolean).join(" ");
    if (description) text += `/** ${description.replace(/\*\//g, "*\\/")} */\n`;
    text += `export type ${name} = components["schemas"][${literal(name)}];\n`;
  }
  return text;
}

/** The media types of every response of every operation, in document order. */
function responseMediaTypes(spec: OpenAPI3): string[] {
  const types = new Set<string>();
  for (const { operation } of listOperations(spec)) {
    for (const response of Object.values(operation.responses ?? {})) {
      for (const type of Object.keys(deref<ResponseObject>(spec, response).content ?? {})) types.add(type);
    }
  }
  return [...types];
}
