// The breaking-change gate on fixture spec pairs: scripts/release/test/fixtures/api-changes/base.yaml against each one-change file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { classifyApiChanges } from "../src/api-changes.ts";
import { gate } from "../src/check-api-changes.ts";

const fixtures = join(import.meta.dirname, "fixtures", "api-changes");
const load = (name: string): OpenAPI3 => parse(readFileSync(join(fixtures, `${name}.yaml`), "utf8"));
const base = load("base");

const pairs = [
  { after: "removed-operation", type: "breaking", where: "DELETE /customers/{id}", needs: "major" },
  { after: "required-request-field", type: "breaking", where: "POST /customers", needs: "major" },
  { after: "narrowed-enum", type: "breaking", where: "POST /customers", needs: "major" },
  { after: "optional-field", type: "non-breaking", where: "POST /customers", needs: "minor" },
  { after: "added-operation", type: "non-breaking", where: "PUT /customers/{id}", needs: "minor" },
] as const;

describe.each(pairs)("$after", ({ after, type, where, needs }) => {
  const spec = load(after);

  test(`is one ${type} change at ${where}, needing a ${needs} release`, () => {
    const { changes, required } = classifyApiChanges(base, spec);
    expect(changes.map((c) => ({ type: c.type, where: c.where }))).toEqual([{ type, where }]);
    expect(required).toBe(needs);
  });

  const lower = needs === "major" ? "minor" : "patch";
  test.each([
    [undefined, false],
    [lower, false],
    [needs, true],
    ["major", true],
  ] as const)("with a pending %s changeset the gate says ok=%s", (bump, ok) => {
    const verdict = gate({ label: after, before: base, after: spec, pending: { bump, files: bump ? ["x.md"] : [] } });
    expect(verdict.ok).toBe(ok);
    expect(verdict.lines.at(-1)).toContain(ok ? "✔ ok" : `choose ${needs}`);
  });
});

test("an unchanged spec needs no release", () => {
  expect(classifyApiChanges(base, load("base"))).toEqual({ changes: [], required: undefined });
  expect(gate({ label: "base", before: base, after: base, pending: { bump: undefined, files: [] } }).ok).toBe(true);
});

test("classifying leaves the caller's specs untouched", () => {
  const before = load("base");
  const after = load("narrowed-enum");
  classifyApiChanges(before, after);
  expect([before, after]).toEqual([load("base"), load("narrowed-enum")]);
});

/** The base spec with one edit. */
function variant(edit: (spec: Record<string, any>) => void): OpenAPI3 {
  const spec = structuredClone(base) as Record<string, any>;
  edit(spec);
  return spec as OpenAPI3;
}

test.each([
  [
    "a renamed operationId (it names the generated function)",
    base,
    variant((s) => {
      s.paths["/customers"].get.operationId = "fetchCustomers";
    }),
    "breaking",
    "major",
  ],
  [
    "an added x-inferred marker (documentation only)",
    base,
    variant((s) => {
      s.components.schemas.Customer["x-inferred"] = true;
    }),
    "annotation",
    "patch",
  ],
  [
    "a dropped x-pagination (the method stops paginating)",
    variant((s) => {
      s.paths["/customers"].get["x-pagination"] = { style: "offset" };
    }),
    base,
    "breaking",
    "major",
  ],
] as const)("%s", (_, before, after, type, needs) => {
  const { changes, required } = classifyApiChanges(before, after);
  expect(new Set(changes.map((c) => c.type))).toEqual(new Set([type]));
  expect(required).toBe(needs);
});
