import { describe, expect, test } from "vitest";
import { type Changeset, parseChangeset, pendingBump } from "../src/changesets.ts";

const known = ["@clientele/core", "@clientele/cubit"];

describe("parseChangeset", () => {
  test("reads the releases of the front matter", () => {
    const text = '---\n"@clientele/cubit": minor\n"@clientele/core": patch\n---\n\nAdds plants.\n';
    expect(parseChangeset("a.md", text, known)).toEqual({ "@clientele/cubit": "minor", "@clientele/core": "patch" });
  });

  test.each([
    ["no front matter", "Just text.\n", "a.md: no front matter"],
    [
      "an unknown package",
      '---\n"@clientele/nope": patch\n---\n',
      'a.md: "@clientele/nope" is not a published package',
    ],
    ["a bump that is not one", '---\n"@clientele/cubit": huge\n---\n', 'a.md: "@clientele/cubit": huge is not patch'],
    ["a list instead of a map", "---\n- patch\n---\n", "a.md: the front matter must map package names"],
  ])("rejects %s, naming the file and the field", (_, text, message) => {
    expect(() => parseChangeset("a.md", text, known)).toThrow(message);
  });
});

test("pendingBump is the highest bump any pending changeset gives the package", () => {
  const changesets: Changeset[] = [
    { file: ".changeset/a.md", releases: { "@clientele/cubit": "patch" } },
    { file: ".changeset/b.md", releases: { "@clientele/cubit": "minor", "@clientele/core": "major" } },
  ];
  expect(pendingBump(changesets, "@clientele/cubit")).toEqual({
    bump: "minor",
    files: [".changeset/a.md", ".changeset/b.md"],
  });
  expect(pendingBump(changesets, "@clientele/other")).toEqual({ bump: undefined, files: [] });
});
