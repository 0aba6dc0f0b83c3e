import { describe, expect, test } from "vitest";
import { HEADING, readAcceptedRisks, renderKnownRisks, withKnownRisks } from "../src/known-risks.ts";

const ruleset = `extends:
  - "@stoplight/spectral-owasp-ruleset"
overrides:
  # Known risk: HTTP Basic authentication.
  # The vendor uses Basic.
  # It sends the password each time.
  - files: ["specs/a.yaml#/components/securitySchemes/basic"]
    rules:
      owasp:api2:2023-no-http-basic: "off"
  # Known risk: Undocumented lengths.
  # Nothing says how long.
  - files: ["specs/a.yaml", "specs/b.yaml"]
    rules:
      owasp:api4:2023-string-limit: "off"
      owasp:api4:2023-string-restricted: warn
`;

describe("readAcceptedRisks", () => {
  test("reads each override with the title and reason of the comment above it, per file", () => {
    expect(readAcceptedRisks(ruleset)).toEqual([
      {
        spec: "specs/a.yaml",
        pointer: "/components/securitySchemes/basic",
        rules: ["owasp:api2:2023-no-http-basic"],
        title: "HTTP Basic authentication",
        reason: "The vendor uses Basic. It sends the password each time.",
      },
      {
        spec: "specs/a.yaml",
        pointer: "",
        rules: ["owasp:api4:2023-string-limit"],
        title: "Undocumented lengths",
        reason: "Nothing says how long.",
      },
      {
        spec: "specs/b.yaml",
        pointer: "",
        rules: ["owasp:api4:2023-string-limit"],
        title: "Undocumented lengths",
        reason: "Nothing says how long.",
      },
    ]);
  });

  test.each([
    ["no comment", `overrides:\n  - files: ["specs/a.yaml"]\n    rules:\n      r: "off"\n`, /needs a comment/],
    [
      "a title without a reason",
      `overrides:\n  # Known risk: T.\n  - files: ["specs/a.yaml"]\n    rules:\n      r: "off"\n`,
      /needs a comment/,
    ],
    [
      "no rule turned off",
      `overrides:\n  # Known risk: T.\n  # Why.\n  - files: ["specs/a.yaml"]\n    rules:\n      r: warn\n`,
      /turns no rule off/,
    ],
  ])("refuses an override with %s, naming it", (_, text, message) => {
    expect(() => readAcceptedRisks(text)).toThrow(message);
  });
});

const spec = (description: string) =>
  `openapi: 3.1.0\ninfo:\n  title: T\n  description: |-\n${description}\n  version: 1.0.0\npaths: {}\n`;

describe("withKnownRisks", () => {
  const section =
    renderKnownRisks(
      readAcceptedRisks(ruleset).filter((r) => r.spec === "specs/a.yaml"),
      60,
    ) ?? "";

  test("renders one bullet per title, wrapped, with the rules it covers", () => {
    expect(section.split("\n")[0]).toBe(HEADING);
    expect(section.replace(/\s+/g, " ")).toContain(
      "- **HTTP Basic authentication** (`owasp:api2:2023-no-http-basic`). The vendor uses Basic.",
    );
    expect(section.split("\n").every((line) => line.length <= 60 || !line.includes(" "))).toBe(true);
  });

  test("appends the section as the last part of info.description", () => {
    const result = withKnownRisks(spec("    First paragraph.\n\n    Second."), section, "a.yaml");
    const indented = section
      .split("\n")
      .map((l) => (l ? `    ${l}` : ""))
      .join("\n");
    expect(result).toBe(spec(`    First paragraph.\n\n    Second.\n\n${indented}`));
  });

  test("replaces the section already there, and changes nothing when it is current", () => {
    const once = withKnownRisks(spec("    Text."), section, "a.yaml");
    const stale = once.replace("The vendor uses Basic.", "Old text.");
    expect(withKnownRisks(stale, section, "a.yaml")).toBe(once);
    expect(withKnownRisks(once, section, "a.yaml")).toBe(once);
  });

  test("refuses a description that is not a literal block, naming the spec", () => {
    const folded = "openapi: 3.1.0\ninfo:\n  description: >-\n    Text.\n";
    expect(() => withKnownRisks(folded, section, "a.yaml")).toThrow(
      /a\.yaml: info\.description must be a literal block/,
    );
  });
});
