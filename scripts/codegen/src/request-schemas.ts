/**
 * The typed surface of request bodies. A body schema the vendor leaves open (`additionalProperties: true`, "we will
 * add more fields") would be typed with an index signature that accepts any key, so a misspelt field compiles and
 * is sent. Closed, its known fields are checked; undocumented ones go through the `extraBody` call option. A
 * forbidden property (`not: {}`) gets a type whose name says why, rather than a bare `never`.
 */
import {
  deref,
  derefSchema,
  isForbiddenSchema,
  listOperations,
  type OpenAPI3,
  type ReferenceObject,
  type Schema,
  type SchemaRef,
} from "@clientele/registry/spec-walk";
import type { MediaTypeObject, RequestBodyObject, ResponseObject } from "openapi-typescript";
import type ts from "typescript";

const camel = (name: string) => name.replace(/[^A-Za-z0-9]+(.)/g, (_, c) => c.toUpperCase());

/** Every schema object reachable from `roots`, following local `$ref`s, each once. */
function reachable(spec: OpenAPI3, roots: (SchemaRef | undefined)[]): Set<Schema> {
  const seen = new Set<Schema>();
  const visit = (node: SchemaRef | undefined) => {
    const schema = deref<SchemaRef | undefined>(spec, node);
    if (!schema || typeof schema !== "object" || seen.has(schema as Schema)) return;
    const walked = derefSchema(spec, schema);
    seen.add(walked);
    for (const key of ["items", "additionalProperties", "not"] as const) visit(walked[key]);
    for (const key of ["allOf", "anyOf", "oneOf", "prefixItems"] as const) for (const s of walked[key] ?? []) visit(s);
    for (const property of Object.values(walked.properties ?? {})) visit(property);
  };
  for (const root of roots) visit(root);
  return seen;
}

/** The JSON schemas of a request body or a response. */
const contentSchemas = (spec: OpenAPI3, container: RequestBodyObject | ResponseObject | ReferenceObject) =>
  Object.values(deref<RequestBodyObject | ResponseObject>(spec, container).content ?? {}).map(
    (media) => deref<MediaTypeObject>(spec, media).schema,
  );

/**
 * Closes every open schema that only request bodies use, in place (give it a copy: the spec stays as written), and
 * returns the message for each forbidden property of a request body, by its schema object.
 */
export function prepareRequestSchemas(spec: OpenAPI3): Map<unknown, string> {
  const operations = listOperations(spec);
  const responses = reachable(
    spec,
    operations.flatMap(({ operation, parameters }) => [
      ...Object.values(operation.responses ?? {}).flatMap((response) => contentSchemas(spec, response)),
      ...parameters.map((parameter) => parameter.schema),
    ]),
  );
  const forbidden: Map<unknown, { owners: Set<string>; name: string; pathArgument: Map<string, string | undefined> }> =
    new Map();
  for (const { operation, parameters } of operations) {
    if (!operation.requestBody) continue;
    const pathNames = new Set(parameters.filter((p) => p.in === "path").map((p) => p.name));
    for (const schema of reachable(spec, contentSchemas(spec, operation.requestBody))) {
      if (schema.additionalProperties === true) {
        if (responses.has(schema)) {
          throw new Error(
            `${operation.operationId}: an open request schema (additionalProperties: true) is also a response's; ` +
              "give the request its own schema, so its known fields can be checked",
          );
        }
        delete schema.additionalProperties;
      }
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (!isForbiddenSchema(property) || typeof property !== "object") continue;
        const entry = forbidden.get(property) ?? { owners: new Set(), name, pathArgument: new Map() };
        entry.owners.add(operation.operationId);
        entry.pathArgument.set(operation.operationId, pathNames.has(name) ? camel(name) : undefined);
        forbidden.set(property, entry);
      }
    }
  }
  return new Map([...forbidden].map(([schema, entry]) => [schema, forbiddenMessage(entry)]));
}

function forbiddenMessage({
  owners,
  name,
  pathArgument,
}: {
  owners: Set<string>;
  name: string;
  pathArgument: Map<string, string | undefined>;
}) {
  const [only] = owners;
  const where = owners.size === 1 ? `${only}'s body` : "this body";
  const argument = owners.size === 1 ? pathArgument.get(only ?? "") : undefined;
  return argument
    ? `${name} is not sent in ${where}: it goes in the path, as ${only}'s ${argument} argument`
    : `${name} cannot be sent in ${where}: the API does not allow it there`;
}

/**
 * openapi-typescript's `transform`: a forbidden property of a request body is `Forbidden<"why">` (from
 * @clientele/core), so tsc's error names the reason; any other forbidden schema stays `never` (openapi-typescript's
 * `NEVER`). `messages` come from `prepareRequestSchemas`.
 */
export function forbiddenTypes(
  messages: Map<unknown, string>,
  typescript: typeof ts,
  never: ts.TypeNode,
): (schema: unknown) => ts.TypeNode | undefined {
  return (schema) => {
    if (!isForbiddenSchema(schema)) return undefined;
    const message = messages.get(schema);
    if (message === undefined) return never;
    const literal = typescript.factory.createLiteralTypeNode(typescript.factory.createStringLiteral(message));
    return typescript.factory.createTypeReferenceNode("Forbidden", [literal]);
  };
}

/** The import a schema.ts needs when it holds a `Forbidden<…>`. */
export const FORBIDDEN_IMPORT = 'import type { Forbidden } from "@clientele/core/runtime";\n\n';
