// Which request headers a recording hides: the generic credential headers and those the spec's security schemes name.
import { STANDARD_CREDENTIAL_HEADERS } from "@clientele/core/runtime";
import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, test } from "vitest";
import { credentialHeaders } from "../src/credential-headers.ts";
import { readExchanges } from "../src/read-exchanges.ts";

const spec = (securitySchemes: NonNullable<OpenAPI3["components"]>["securitySchemes"]): OpenAPI3 => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  components: { securitySchemes },
});

describe("credentialHeaders", () => {
  test.each([
    ["no security scheme: the generic headers only (core's list)", { given: spec({}), want: [] }],
    [
      "API-key headers, in lower case",
      {
        given: spec({
          key: { type: "apiKey", in: "header", name: "api-key" },
          tenant: { type: "apiKey", in: "header", name: "CustomerKey" },
        }),
        want: ["customerkey"],
      },
    ],
    [
      "not a key sent in the query or a cookie, nor HTTP auth (Authorization is generic)",
      {
        given: spec({
          query: { type: "apiKey", in: "query", name: "token" },
          basic: { type: "http", scheme: "basic" },
        }),
        want: [],
      },
    ],
  ])("%s", (_, { given, want }) => {
    expect([...credentialHeaders(given)].sort()).toEqual(
      [...new Set([...STANDARD_CREDENTIAL_HEADERS, ...want])].sort(),
    );
  });
});

describe("readExchanges", () => {
  const line = JSON.stringify({
    url: "https://api.example/customers/1",
    status: 200,
    requestHeaders: { CustomerKey: "tenant-secret", Authorization: "Basic dXNlcjpwYXNz", Accept: "application/json" },
  });

  test.each([
    ["a header the spec names is a credential", { given: ["customerkey"], want: ["tenant-secret"] }],
    ["a header it does not name is not", { given: [], want: [] }],
  ])("%s", (_, { given, want }) => {
    const [recorded] = readExchanges(line, new Set([...credentialHeaders(spec({})), ...given]));
    // Authorization always counts: the header, its token and the decoded Basic user and password.
    expect(recorded?.secrets.sort()).toEqual(["Basic dXNlcjpwYXNz", "dXNlcjpwYXNz", "user", "pass", ...want].sort());
  });
});
