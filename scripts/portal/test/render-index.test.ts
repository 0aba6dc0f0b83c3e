import { describe, expect, test } from "vitest";
import { count, type PortalProvider, renderIndex } from "../src/render-index.js";

const provider = (operations: number, inferred: number): PortalProvider => ({
  id: `p${operations}`,
  title: `API ${operations}`,
  version: "1",
  packageName: `@x/p${operations}`,
  origin: [`00${operations}_0123456789abcdef.txt`],
  seeds: [
    { file: `00${operations}_0123456789abcdef.txt`, covers: "Customers & more.", operations: ["getA"], mentions: 1 },
  ],
  page: `p${operations}.html`,
  specYaml: `p${operations}.yaml`,
  specJson: `p${operations}.json`,
  diagrams: [],
  inferred,
  pageBytes: 1,
  operations: Array.from({ length: operations }, (_, i) => ({
    id: `op${i}`,
    method: "GET",
    path: `/${i}`,
    summary: `Op ${i}`,
    tag: "",
    inferred: false,
  })),
});

describe("renderIndex", () => {
  const page = renderIndex({ inputs: "x", providers: [provider(1, 1), provider(3, 2)] });

  test.each([
    [1, "operation", "1 operation"],
    [0, "operation", "0 operations"],
    [3, "mention", "3 mentions"],
  ])("counts %d %s as %s", (n, noun, want) => {
    expect(count(n, noun)).toBe(want);
  });

  test("says 1 operation and 1 inferred element, in the singular", () => {
    expect(page).toContain("(1 operation)");
    expect(page).toContain("(3 operations)");
    expect(page).toContain("(1 inferred element marked)");
    expect(page).not.toMatch(/\b1 (operations|inferred elements|mentions)\b/);
  });

  test("gives every vendor document a section, which the provider's Formalizes entry links to", () => {
    expect(page).toContain('<section id="seed-001_0123456789abcdef">');
    expect(page).toContain('<a href="#seed-001_0123456789abcdef"><code>001_0123456789abcdef.txt</code></a>');
    expect(page).toContain("Customers &amp; more. Formalized by");
    expect(page).toContain("Cited by <code>getA</code> (1 mention in the spec).");
  });
});
