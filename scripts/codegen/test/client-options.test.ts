import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, test } from "vitest";
import { type ClientConfig, readClientModel } from "../src/client-options.ts";
import { renderFactory } from "../src/render-factory.ts";

/** A spec with only what the factory reads: servers, security, the path parameters marked x-client-option. */
function spec(extra: Record<string, unknown>): OpenAPI3 {
  return { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {}, ...extra } as OpenAPI3;
}
const server = (url: string, more: Record<string, unknown> = {}) => ({ url, ...more });
const apiKey = (name: string, option?: string) => ({
  type: "apiKey",
  in: "header",
  name,
  description: `The ${name} key.`,
  ...(option && { "x-client-option": option }),
});

describe("readClientModel", () => {
  test.each<[string, { given: OpenAPI3; config?: ClientConfig; want: Record<string, unknown> }]>([
    [
      "an apiKey header per scheme, named by x-client-option, documented by the scheme",
      {
        given: spec({
          servers: [server("https://a.test")],
          security: [{ k: [], c: [] }],
          components: { securitySchemes: { k: apiKey("api-key", "apiKey"), c: apiKey("CustomerKey", "customerKey") } },
        }),
        want: {
          credentials: "headers",
          options: [
            {
              name: "apiKey",
              doc: "Sent as the `api-key` header. The api-key key.",
              required: true,
              source: { kind: "header", header: "api-key" },
            },
            {
              name: "customerKey",
              doc: "Sent as the `CustomerKey` header. The CustomerKey key.",
              required: true,
              source: { kind: "header", header: "CustomerKey" },
            },
          ],
        },
      },
    ],
    [
      "an environment per x-environment server, a capitalised name from the registry",
      {
        given: spec({
          servers: [
            server("https://p.test", { "x-environment": "prod" }),
            server("https://d.test", { "x-environment": "dev" }),
          ],
        }),
        config: { name: "FixTure" },
        want: {
          factory: "createFixTureClient",
          credentials: "none",
          server: "environments",
          pathOptions: false,
          options: [
            expect.objectContaining({
              name: "environment",
              source: { kind: "environment", values: ["prod", "dev"], via: "servers" },
            }),
          ],
        },
      },
    ],
    [
      "a server variable checked against its x-pattern",
      {
        given: spec({
          servers: [
            server("https://{tenant}.a.test", {
              variables: {
                tenant: { default: "acme", "x-pattern": "^[a-z]+$", "x-pattern-description": "lower-case letters" },
              },
            }),
          ],
        }),
        want: {
          server: "template",
          options: [
            expect.objectContaining({
              name: "tenant",
              source: {
                kind: "server-variable",
                values: undefined,
                pattern: { regex: "^[a-z]+$", meaning: "lower-case letters" },
              },
            }),
          ],
        },
      },
    ],
    [
      "HTTP Basic and rate-limit headers: username, password, requestsPerMinute with the documented limit",
      {
        given: spec({
          servers: [server("https://a.test")],
          security: [{ basic: [] }],
          "x-rate-limit": { minuteLimit: "X-Limit" },
          components: {
            securitySchemes: { basic: { type: "http", scheme: "basic" } },
            headers: { "X-Limit": { schema: { type: "integer", examples: [60] } } },
          },
        }),
        want: {
          credentials: "basic",
          rateLimit: true,
          options: [
            expect.objectContaining({ name: "username" }),
            expect.objectContaining({ name: "password" }),
            expect.objectContaining({
              name: "requestsPerMinute",
              required: false,
              doc: expect.stringContaining("(Fixture allows 60)"),
            }),
          ],
        },
      },
    ],
  ])("%s", (_, { given, config, want }) => {
    expect(readClientModel(given, "fixture", config)).toMatchObject(want);
  });

  test.each<[string, { given: OpenAPI3; want: RegExp }]>([
    ["a spec with no server", { given: spec({}), want: /fixture: the spec names no server/ }],
    [
      "an apiKey scheme without x-client-option",
      {
        given: spec({
          servers: [server("https://a.test")],
          security: [{ k: [] }],
          components: { securitySchemes: { k: apiKey("api-key") } },
        }),
        want: /security scheme "k" needs an x-client-option/,
      },
    ],
    [
      "a scheme the factory cannot fill",
      {
        given: spec({
          servers: [server("https://a.test")],
          security: [{ o: [] }],
          components: { securitySchemes: { o: { type: "oauth2", flows: {} } } },
        }),
        want: /security scheme "o" is oauth2; only apiKey headers and HTTP Basic are supported/,
      },
    ],
    [
      "a server variable with neither enum nor x-pattern",
      {
        given: spec({ servers: [server("https://{t}.a.test", { variables: { t: { default: "x" } } })] }),
        want: /server variable "t" needs an enum or an x-pattern/,
      },
    ],
    [
      "a default that breaks its own x-pattern",
      {
        given: spec({
          servers: [server("https://{t}.a.test", { variables: { t: { default: "X", "x-pattern": "^[a-z]+$" } } })],
        }),
        want: /its default "X" does not match x-pattern/,
      },
    ],
    [
      "two options of one name",
      {
        given: spec({
          servers: [server("https://a.test")],
          security: [{ a: [], b: [] }],
          components: { securitySchemes: { a: apiKey("a", "key"), b: apiKey("b", "key") } },
        }),
        want: /two factory options are named "key"/,
      },
    ],
  ])("refuses %s", (_, { given, want }) => {
    expect(() => renderFactory(readClientModel(given, "fixture"), new Set())).toThrow(want);
  });

  test("renders an enum server variable and a free path option (no provider has them) as the runtime checks", async () => {
    const given = spec({
      servers: [server("https://{region}.a.test", { variables: { region: { default: "eu", enum: ["eu", "us"] } } })],
      paths: {
        "/t/{tenant}/x": {
          get: {
            operationId: "x",
            parameters: [
              { name: "tenant", in: "path", required: true, "x-client-option": "tenant", schema: { type: "string" } },
            ],
            responses: { "200": { description: "ok" } },
          },
        },
      },
    });
    const text = renderFactory(readClientModel(given, "fixture"), new Set(["accept"]));
    await expect(text).toMatchFileSnapshot("__snapshots__/fixture.client.ts.snap");
  });
});
