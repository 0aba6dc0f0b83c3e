import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { listOperations } from "@clientele/registry/spec-walk";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { hintOf, readHints } from "../src/response-hints.ts";
import { asSpec } from "./support/spec.ts";

const root = repoRoot;

const SEED_FILE = /\d{3}_[0-9a-f]{16}\.txt/;

describe("a hint is the first user-facing sentence of a response description", () => {
  test.each<[string, { given: unknown; want: string | undefined }]>([
    ["a plain sentence", { given: "Missing or invalid credentials.", want: "Missing or invalid credentials." }],
    ["only the first sentence", { given: "The customer is gone. Try another.", want: "The customer is gone." }],
    [
      "provenance after an Inferred sentence is cut",
      {
        given: "No customer has this id. Inferred: 004_c8c2aa229665ab2a.txt shows only `HTTP/1.1 200`.",
        want: "No customer has this id.",
      },
    ],
    [
      "a description that is all provenance gives no hint",
      { given: "Inferred: 000_edb40a1b32d836a7.txt documents no body.", want: undefined },
    ],
    [
      "a sentence naming a vendor document is skipped",
      { given: "As 000_edb40a1b32d836a7.txt says. The key is wrong.", want: "The key is wrong." },
    ],
    [
      "the status echo goes, a quoted vendor sentence is unwrapped",
      {
        given: '400 - Bad Request: "If the API key does not match the environment, a 400 will be received." More.',
        want: "If the API key does not match the environment, a 400 will be received.",
      },
    ],
    [
      "a quotation in parentheses and code marks go",
      {
        given:
          '401 - Unauthorized: the `api-key` header is missing ("Required for all requests. Without it, 401."). The body is not documented.',
        want: "The api-key header is missing.",
      },
    ],
    [
      "a reason phrase that runs on into the sentence stays",
      {
        given: "400 - Bad Request when the key does not match the environment. Inferred for the delete endpoints.",
        want: "Bad Request when the key does not match the environment.",
      },
    ],
    [
      "a vendor error table: the explanation, then the first step of the solution",
      {
        given:
          '409 - Conflict. Error Message: "Error code." Explanation: Functional error. Solution: Check the values. When you are sure, contact support. Inferred body format: 002_a6a6d92f5a4cb41b.txt.',
        want: "Functional error. Check the values.",
      },
    ],
    [
      "an explanation of none given is left out",
      {
        given: "500 - Internal Server Error. Explanation: none given. Solution: Contact Support (support@example.com).",
        want: "Contact Support (support@example.com).",
      },
    ],
    ["no description", { given: undefined, want: undefined }],
    ["a long sentence is cut", { given: `${"word ".repeat(80)}end.`, want: `Word ${"word ".repeat(46)}word…` }],
  ])("%s", (_, { given, want }) => {
    const hint = hintOf(given);
    expect(hint).toBe(want);
    if (hint) {
      expect(hint).not.toMatch(SEED_FILE);
      expect(hint).not.toMatch(/Inferred/);
    }
  });
});

describe("hints per operation", () => {
  test("only error statuses, from $ref responses too", () => {
    const spec = { components: { responses: { Gone: { description: "The item is gone." } } } };
    const operation = {
      responses: {
        200: { description: "The item." },
        404: { $ref: "#/components/responses/Gone" },
        "4XX": { description: "Something else." },
        500: { description: "Inferred: 000_edb40a1b32d836a7.txt says nothing." },
      },
    };
    expect(readHints(asSpec(spec), operation)).toEqual({ 404: "The item is gone." });
  });
});

describe("the real specs", async () => {
  const providers = await readRegistry(root);
  const rows = providers.flatMap(({ id, spec: file }) => {
    const spec = parse(readFileSync(join(root, file), "utf8"));
    return listOperations(spec).flatMap(({ operation }) =>
      Object.keys(operation.responses ?? {})
        .filter((status) => /^[45]\d\d$/.test(status))
        .map(
          (status) => [`${id} ${operation.operationId} ${status}`, readHints(asSpec(spec), operation)[status]] as const,
        ),
    );
  });

  test.each(rows)("%s has a user-facing hint", (_, hint) => {
    expect(hint).toMatch(/^[A-Z].*[.)…]$/);
    expect(hint).not.toMatch(SEED_FILE);
    expect(hint).not.toMatch(/Inferred|x-inferred/);
  });
});
