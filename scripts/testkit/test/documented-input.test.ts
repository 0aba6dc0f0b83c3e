import { expect, test } from "vitest";
import { documentedInput, type Extent } from "../src/documented-input.js";
import { fuzzOperations } from "../src/operation-calls.js";

// A small spec: a GET by id with an optional query, a POST whose body has a named example, and a PUT whose body
// has none (its value is composed from the properties' examples, as the docs' samples do).
const spec = {
  openapi: "3.1.0",
  info: { title: "Shop", version: "1" },
  paths: {
    "/things/{id}": {
      get: {
        operationId: "getThing",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" }, example: "T-1" },
          { name: "expand", in: "query", schema: { type: "string", enum: ["owner", "parts"] } },
        ],
        responses: { "200": { description: "ok" } },
      },
      put: {
        operationId: "replaceThing",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["name"],
                properties: { name: { type: "string", example: "Bolt" }, size: { type: "integer", example: 4 } },
              },
            },
          },
        },
        responses: { "204": { description: "ok" } },
      },
    },
    "/things": {
      post: {
        operationId: "createThing",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: { $ref: "#/components/schemas/Thing" },
              examples: { full: { $ref: "#/components/examples/FullThing" } },
            },
          },
        },
        responses: { "201": { description: "ok" } },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: "object",
        allOf: [
          { type: "object", required: ["name"], properties: { name: { type: "string" } } },
          { type: "object", properties: { colour: { type: "string" } } },
        ],
      },
    },
    examples: { FullThing: { value: { name: "Nut", colour: "red" } } },
  },
};

const operation = (id: string) => {
  const found = fuzzOperations(spec).find((op) => op.model.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

test.each<[string, string, Extent, unknown]>([
  ["a path example; no optional query", "getThing", "required", { path: { id: "T-1" }, query: {} }],
  ["an optional query's first enum value", "getThing", "every", { path: { id: "T-1" }, query: { expand: "owner" } }],
  ["the named example, required properties only", "createThing", "required", { path: {}, body: { name: "Nut" } }],
  ["the named example whole", "createThing", "every", { path: {}, body: { name: "Nut", colour: "red" } }],
  [
    "a body composed from its properties' examples; a path value without one is a placeholder",
    "replaceThing",
    "every",
    { path: { id: "<id>" }, body: { name: "Bolt", size: 4 } },
  ],
])("%s", (_, id, extent, want) => {
  expect(documentedInput(spec, operation(id), extent)).toEqual(want);
});
