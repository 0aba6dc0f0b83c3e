import { describe, expect, it } from "vitest";
import { provenanceOf, renderValidators } from "../src/render-validators.ts";
import { asSpec } from "./support/spec.ts";

/** A one-operation spec whose 200 answers with `schema`; `components` are its component schemas. */
function specWith(schema: unknown, components: Record<string, unknown> = {}) {
  return {
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    paths: {
      "/x": {
        get: {
          operationId: "getX",
          responses: { "200": { description: "ok", content: { "application/json": { schema } } } },
        },
      },
    },
    components: { schemas: components },
  };
}
const render = (schema: unknown, components?: Record<string, unknown>) =>
  renderValidators(asSpec(specWith(schema, components)), { exportName: "tValidators" });

describe("renderValidators: one check per keyword", () => {
  it.each([
    ["a nullable type", { given: { type: ["string", "null"] }, want: 'r.type(v, at, "string|null", up);' }],
    ["an enum", { given: { type: "string", enum: ["a", "b"] }, want: 'r.oneOf(v, at, ["a","b"], up);' }],
    ["a pattern", { given: { type: "string", pattern: "^a/b$" }, want: "r.pattern(v, at, /^a\\/b$/, up);" }],
    ["format: date", { given: { type: "string", format: "date" }, want: "r.date(v, at, up);" }],
    [
      "a forbidden property",
      {
        given: { type: "object", additionalProperties: true, properties: { id: { not: {} } } },
        want: 'r.forbidden(o0["id"], at + "/id", "nothing: the spec forbids this property", up);',
      },
    ],
    [
      "a write-only property",
      {
        given: { type: "object", properties: { ssn: { type: "string", writeOnly: true } } },
        want: "the property is write-only, a response never carries it",
      },
    ],
    [
      "a closed object",
      { given: { type: "object", properties: { a: { type: "integer" } } }, want: 'r.closed(o0, at, ["a"], up);' },
    ],
    [
      "an open object has no closedness check",
      { given: { type: "object", additionalProperties: true, properties: { a: {} } }, want: "" },
    ],
    [
      "a pointer escapes / and ~",
      { given: { type: "object", properties: { "a/b~": { type: "integer" } } }, want: 'at + "/a~1b~0"' },
    ],
    [
      "the nearest x-inferred element's provenance, x-provenance first",
      {
        given: {
          type: "object",
          "x-inferred": true,
          description: "d",
          "x-provenance": "because p",
          properties: { a: { type: "integer" } },
        },
        want: 'const P0 = "because p";',
      },
    ],
  ])("%s", (_, { given, want }) => {
    const code = render(given);
    if (want) expect(code).toContain(want);
    else expect(code).not.toContain("r.closed(");
  });

  it("a referenced allOf member checks its own properties; the whole object decides what is known", () => {
    const code = render(
      { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", properties: { extra: { type: "string" } } }] },
      { Base: { type: "object", properties: { id: { type: "integer" } } } },
    );
    expect(code).toContain("checkBase(v, at, r, up, true);");
    expect(code).toContain('r.closed(o0, at, ["id","extra"], up);');
    expect(code).toContain('if (!part) r.closed(o1, at, ["id"], up);');
  });

  it.each([
    [
      "an unknown keyword",
      { minLength: 1, type: "string" },
      /keyword "minLength" at getX 200 application\/json is not supported/,
    ],
    [
      "an unknown format",
      { type: "string", format: "email" },
      /format "email" at getX 200 application\/json is not supported/,
    ],
  ])("%s is refused, so no spec is checked less than it says", (_, schema, message) => {
    expect(() => render(schema)).toThrow(message);
  });

  it("provenance reads x-provenance, else the description, only on x-inferred elements", () => {
    expect(provenanceOf({ "x-inferred": true, description: "  a\n  b " })).toBe("a b");
    expect(provenanceOf({ "x-inferred": true, description: "d", "x-provenance": "p" })).toBe("p");
    expect(provenanceOf({ description: "d" })).toBeUndefined();
  });
});
