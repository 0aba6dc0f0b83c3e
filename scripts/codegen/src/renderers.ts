// The generated files of a provider, as a table: a new output is one new entry. Each renderer declares the files it
// reads (rendered before it, in table order) beside what every renderer gets: the spec, its typed copy, the package.
import type { OpenAPI3, Schema } from "@clientele/registry/spec-walk";
import type { ClientModel, Factory } from "./client-options.ts";
import { renderFactory } from "./render-factory.ts";
import { readOperations, renderOperations } from "./render-operations.ts";
import { renderSamples } from "./render-samples.ts";
import { renderSchema } from "./render-schema.ts";
import { readPathOptions, renderModels, renderSpecConstants } from "./render-spec.ts";
import { renderValidators } from "./render-validators.ts";

export interface RenderContext {
  /** the spec as written */
  spec: OpenAPI3;
  /** the copy openapi-typescript reads: request schemas closed (request-schemas.ts) */
  typed: OpenAPI3;
  /** a forbidden request property's schema → the message its type carries */
  forbidden: Map<unknown, string>;
  packageName: string;
  /** the spec's credentials, servers and client options: the factory's model */
  client: ClientModel;
  /** the factory the samples and validators are named after, and its required options */
  factory: Factory;
  /** the files rendered so far (those listed in `reads`) */
  files: ReadonlyMap<string, string>;
}

export interface Renderer {
  /** the name inside `src/generated/` */
  file: string;
  /** generated files this one reads (through `files`): they must come earlier in the table */
  reads?: readonly string[];
  render: (context: RenderContext) => string | Promise<string>;
}

const pathOptionsType = (spec: OpenAPI3) => (readPathOptions(spec).size > 0 ? "PathOptions" : "undefined");

/** The component schemas open in the spec (`additionalProperties: true`) and closed in the typed copy. */
const closedSchemas = ({ spec, typed }: RenderContext) =>
  new Set(
    Object.entries(spec.components?.schemas ?? {})
      .filter(([name, schema]) => {
        const typedSchema = typed.components?.schemas?.[name] as Schema | undefined;
        return (schema as Schema).additionalProperties === true && typedSchema?.additionalProperties === undefined;
      })
      .map(([name]) => name),
  );

export const RENDERERS: readonly Renderer[] = [
  { file: "schema.ts", render: renderSchema },
  { file: "models.ts", render: (context) => renderModels(context.spec, closedSchemas(context)) },
  {
    file: "operations.ts",
    render: ({ spec }) =>
      renderOperations(readOperations(spec), pathOptionsType(spec), Object.keys(spec.components?.schemas ?? {})),
  },
  { file: "spec.ts", render: ({ spec }) => renderSpecConstants(spec) },
  // The factory imports only the constants spec.ts has (`accept` exists only when responses name a media type).
  {
    file: "client.ts",
    reads: ["spec.ts"],
    render: ({ client, files }) =>
      renderFactory(
        client,
        new Set([...String(files.get("spec.ts")).matchAll(/^export const (\w+)/gm)].map((m) => String(m[1]))),
      ),
  },
  { file: "samples.ts", render: ({ spec, packageName, factory }) => renderSamples(spec, { packageName, factory }) },
  {
    file: "validators.ts",
    render: ({ spec, factory }) => renderValidators(spec, { exportName: validatorsName(factory.name) }),
  },
];

/** createCycleSoftwareClient → cycleSoftwareValidators: named after the factory it goes with. */
const validatorsName = (factory: string) =>
  `${factory.replace(/^create(\w)(\w*)Client$/, (_, first: string, rest: string) => first.toLowerCase() + rest)}Validators`;

/** The generated files of a package, by name inside `src/generated/`. */
export const GENERATED_FILES: readonly string[] = RENDERERS.map((renderer) => renderer.file);
