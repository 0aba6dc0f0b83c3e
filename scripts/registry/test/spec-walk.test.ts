import type { OpenAPI3, PathItemObject } from "openapi-typescript";
import { expect, test } from "vitest";
import { listOperations } from "../src/spec-walk.ts";

const spec = (): OpenAPI3 => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/things/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      get: { operationId: "getThing", responses: { "200": { description: "ok" } } },
    },
  },
});

/** The fixture's one path item (never a $ref here). */
const thing = (document: OpenAPI3) => document.paths?.["/things/{id}"] as PathItemObject;

test("listOperations hands out the spec's own operation objects, so an annotation lands in the spec", () => {
  const document = spec();
  const [found] = listOperations(document);
  if (found) found.operation["x-codeSamples"] = [];
  expect(thing(document).get).toHaveProperty("x-codeSamples");
  expect(found?.parameters.map((p) => p.name)).toEqual(["id"]);
});

test("an operation without an operationId is refused, naming it", () => {
  const document = spec();
  delete (thing(document).get as { operationId?: string }).operationId;
  expect(() => listOperations(document)).toThrow("GET /things/{id} has no operationId");
});
