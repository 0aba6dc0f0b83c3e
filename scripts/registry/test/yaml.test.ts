import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { readRegistry } from "../src/registry.ts";
import { repoRoot } from "../src/root.ts";
import { parseYaml } from "../src/yaml.ts";

const providers = await readRegistry(repoRoot);

describe("parseYaml reads what `yaml` reads", () => {
  test.each(["redocly.yaml", ...providers.map((p) => p.spec)])("%s", async (file) => {
    const text = await readFile(join(repoRoot, file), "utf8");
    expect(parseYaml(text)).toStrictEqual(parse(text));
  });

  test.each([
    ["a date-like value stays a string", { given: "d: 2019-01-01 12:00:00", want: { d: "2019-01-01 12:00:00" } }],
    ["yes and on stay strings (YAML 1.2)", { given: "a: yes\nb: on", want: { a: "yes", b: "on" } }],
    ["an alias repeats its anchor", { given: "a: &x { k: 1 }\nb: *x", want: { a: { k: 1 }, b: { k: 1 } } }],
    ["a quoted number stays a string", { given: 'n: "42"', want: { n: "42" } }],
  ])("%s", (_name, { given, want }) => {
    expect(parseYaml(given)).toStrictEqual(want);
    expect(parse(given)).toStrictEqual(want);
  });
});
