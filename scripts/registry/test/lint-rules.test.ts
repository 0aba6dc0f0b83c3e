// The project's own lint rules (`rule/*` in redocly.yaml), run by Redocly itself on small specs: each must flag what
// it is meant to flag, where it is, and nothing else. One Redocly process lints every row's spec.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "@clientele/registry/root";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse, stringify } from "yaml";

const root = repoRoot;

/** A minimal valid spec whose one operation's 200 response is `response`, with `extra` merged into the root. */
const spec = (response: object, extra: object = {}) => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1", "x-origin": ["000_edb40a1b32d836a7.txt"] },
  paths: { "/a": { get: { operationId: "getA", responses: { 200: { description: "ok", ...response } } } } },
  ...extra,
});
const provenance = "000_edb40a1b32d836a7.txt gives no status; 200 is assumed.";

const rows: [string, { given: object; want: string[] }][] = [
  [
    "an inferred response with its provenance",
    { given: spec({ "x-inferred": true, "x-provenance": provenance }), want: [] },
  ],
  [
    "an inferred response without provenance",
    {
      given: spec({ "x-inferred": true }),
      want: ["rule/inferred-has-provenance #/paths/~1a/get/responses/200/x-provenance"],
    },
  ],
  [
    "an empty provenance",
    {
      given: spec({ "x-inferred": true, "x-provenance": "" }),
      want: ["rule/inferred-has-provenance #/paths/~1a/get/responses/200/x-provenance"],
    },
  ],
  [
    "an inferred schema property and media type, deep down",
    {
      given: spec({
        content: {
          "application/json": {
            "x-inferred": true,
            "x-provenance": provenance,
            schema: { type: "object", properties: { id: { type: "integer", "x-inferred": true } } },
          },
        },
      }),
      want: [
        "rule/inferred-has-provenance #/paths/~1a/get/responses/200/content/application~1json/schema/properties/id/x-provenance",
      ],
    },
  ],
  ["x-inferred: false needs nothing", { given: spec({ "x-inferred": false }), want: [] }],
  [
    "a description that names a vendor document",
    {
      given: spec({ description: "As 000_edb40a1b32d836a7.txt says." }),
      want: ["rule/no-seed-names-for-users #/paths/~1a/get/responses/200/description"],
    },
  ],
  [
    "a summary, a tag's description and an @experimental reason that name one",
    {
      given: spec(
        {},
        {
          tags: [{ name: "T", description: "See 001_ae8f092b452e1e4d.txt." }],
          paths: {
            "/a": {
              get: {
                operationId: "getA",
                summary: "Get (001_ae8f092b452e1e4d.txt)",
                "x-experimental": "001_ae8f092b452e1e4d.txt gives no URL.",
                responses: { 200: { description: "ok" } },
              },
            },
          },
        },
      ),
      want: [
        "rule/no-seed-names-for-users #/paths/~1a/get/summary",
        "rule/no-seed-names-for-users #/paths/~1a/get/x-experimental",
        "rule/no-seed-names-for-users #/tags/0/description",
      ],
    },
  ],
  ["x-origin and x-provenance may name documents", { given: spec({ "x-provenance": provenance }), want: [] }],
  [
    "properties beside allOf",
    {
      given: spec({
        content: {
          "application/json": {
            schema: { allOf: [{ type: "object" }], properties: { a: { type: "string" } } },
          },
        },
      }),
      want: ["rule/allof-without-sibling-properties #/paths/~1a/get/responses/200/content/application~1json/schema"],
    },
  ],
];

describe("the project's lint rules", () => {
  const found = new Map<string, string[]>();
  let work = "";

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "clientele-lint-rules-"));
    // Only the project's own rules: Redocly's built-in ones would flag the minimal specs for unrelated reasons.
    const config = parse(await readFile(join(root, "redocly.yaml"), "utf8"));
    const own = Object.fromEntries(Object.entries(config.rules).filter(([name]) => name.startsWith("rule/")));
    expect(Object.keys(own).length).toBeGreaterThan(0);
    await writeFile(join(work, "redocly.yaml"), stringify({ telemetry: "off", rules: own }));
    const files = rows.map((_, i) => `row${i}.yaml`);
    await Promise.all(files.map((file, i) => writeFile(join(work, file), stringify(rows[i]?.[1].given))));
    const result = spawnSync(
      join(root, "node_modules", ".bin", "redocly"),
      ["lint", "--format=json", "--config", "redocly.yaml", ...files],
      { cwd: work, encoding: "utf8", env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
    );
    // One JSON report per file, printed back to back.
    const reports = result.stdout
      .slice(result.stdout.indexOf("{"))
      .split(/(?<=^\})(?=\{)/m)
      .map((text) => JSON.parse(text));
    expect(reports).toHaveLength(files.length);
    for (const problem of reports.flatMap((report) => report.problems)) {
      const [location] = problem.location;
      const list = found.get(location.source.ref) ?? [];
      list.push(`${problem.ruleId} ${location.pointer}`);
      found.set(location.source.ref, list);
    }
  }, 60_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  test.each(rows.map(([name, row], i) => [name, row, i] as const))("%s", (_, { want }, i) => {
    expect((found.get(`row${i}.yaml`) ?? []).sort()).toEqual(want);
  });
});
