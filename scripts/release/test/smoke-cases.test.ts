// The smoke call of each provider comes from its spec and its generated samples, never from a hand-kept list.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "@clientele/registry/root";
import { listOperations } from "@clientele/registry/spec-walk";
import type { OpenAPI3, OperationObject, ParameterObject } from "openapi-typescript";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { readSmokeCases, smokeOperation } from "../src/smoke-cases.ts";

const path = (name: string): ParameterObject => ({ name, in: "path", required: true, schema: { type: "string" } });
const op = (operationId: string, parameters: ParameterObject[] = []): OperationObject => ({
  operationId,
  parameters,
  responses: { 200: { description: "ok" } },
});
const spec = (paths: OpenAPI3["paths"]): OpenAPI3 => ({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths });

describe("smokeOperation", () => {
  test.each([
    [
      "the first GET by id, after a list and a create",
      {
        given: spec({
          "/customers": { get: op("listCustomers"), post: op("createCustomer") },
          "/customers/{id}.json": { get: op("getCustomer", [path("id")]), delete: op("deleteCustomer", [path("id")]) },
        }),
        want: { operation: "getCustomer", method: "get" },
      },
    ],
    [
      "not a GET whose only path parameter is a client option",
      {
        given: spec({
          "/{environment}/customers": {
            get: op("listCustomers", [{ ...path("environment"), "x-client-option": "environment" }]),
          },
          "/customers/{number}": { get: op("getCustomer", [path("number")]) },
        }),
        want: { operation: "getCustomer", method: "get" },
      },
    ],
    [
      "with no GET by id, the first GET",
      {
        given: spec({ "/customers": { post: op("createCustomer"), get: op("listCustomers") } }),
        want: { operation: "listCustomers", method: "get" },
      },
    ],
    [
      "with no GET, the first operation",
      {
        given: spec({ "/customers": { post: op("createCustomer") } }),
        want: { operation: "createCustomer", method: "post" },
      },
    ],
  ])("%s", (_, { given, want }) => {
    expect(smokeOperation(given, "fixture")).toEqual(want);
  });

  test("a spec without operations is refused, naming the provider", () => {
    expect(() => smokeOperation(spec({}), "fixture")).toThrow("fixture: the spec has no operation with an operationId");
  });
});

describe("every provider of the registry", async () => {
  const cases = await readSmokeCases(repoRoot);

  test.each(cases.map(({ provider, smoke }) => [provider.id, provider, smoke] as const))(
    "%s: the smoke case names the package's own exports and an operation of its spec",
    async (_, provider, smoke) => {
      const exports: Record<string, unknown> = await import(
        pathToFileURL(join(repoRoot, provider.packageDir, "src", "index.ts")).href
      );
      for (const name of [smoke.client, smoke.transport, smoke.raw, smoke.operation]) {
        expect(typeof exports[name], `${provider.id} exports ${name}`).toBe("function");
      }
      const spec: OpenAPI3 = parse(await readFile(join(repoRoot, provider.spec), "utf8"));
      expect(listOperations(spec).map((o) => o.operation.operationId)).toContain(smoke.operation);
      // The client builds from the options alone (every required option is there and valid).
      const factory = exports[smoke.client] as (options: Record<string, unknown>) => unknown;
      expect(() => factory({ ...smoke.options, baseUrl: "http://127.0.0.1:1" })).not.toThrow();
    },
  );
});
