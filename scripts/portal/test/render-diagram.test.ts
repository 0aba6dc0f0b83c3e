import { loadSpec } from "@clientele/testkit/spec";
import { describe, expect, test } from "vitest";
import { renderDiagram, specDiagrams } from "../src/render-diagram.js";

const decodeEntities = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe("the Cubit audit-status diagram (seed 001)", () => {
  const [diagram] = specDiagrams(loadSpec("cubit"));
  if (!diagram) throw new Error("specs/cubit.yaml has no x-*-diagram extension");
  const svg = renderDiagram(diagram.source);
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decodeEntities(m[1] ?? "").trim());
  // Read from the mermaid source itself, so the check does not trust the renderer's idea of the diagram.
  const aliases = new Map(
    [...diagram.source.matchAll(/^\s*participant\s+(\S+)\s+as\s+(.+?)\s*$/gm)].map((m) => [m[1], m[2]]),
  );
  const messages = [...diagram.source.matchAll(/^\s*(\S+?)-[->]+[+-]?(\S+?):\s*(.+?)\s*$/gm)];
  const actors = new Set(messages.flatMap((m) => [m[1], m[2]]).map((id) => aliases.get(id ?? "") ?? id));

  test("comes from the root extension x-audit-status-diagram", () => {
    expect(diagram.extension).toBe("x-audit-status-diagram");
    expect(diagram.source.trimStart().startsWith("sequenceDiagram")).toBe(true);
  });

  test("is a sequence diagram: every participant and every message is drawn", () => {
    expect(messages.length).toBeGreaterThan(5);
    for (const actor of actors) expect(texts).toContain(actor);
    for (const message of messages) expect(texts).toContain(message[3]);
    // One arrow per message.
    expect(svg.match(/marker-end="url\(#seq-arrow[^"]*\)"/g)?.length).toBe(messages.length);
  });

  test("is a standalone SVG that loads nothing from the network", () => {
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toMatch(/@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});

describe("specDiagrams", () => {
  test("takes string root extensions named x-<name>-diagram, and nothing else", () => {
    const spec = { "x-flow-diagram": "graph TD\n A-->B", "x-other": "graph TD", "x-bad-diagram": { no: "string" } };
    expect(specDiagrams(spec)).toEqual([
      { extension: "x-flow-diagram", name: "flow", title: "Flow diagram", source: "graph TD\n A-->B" },
    ]);
  });
});

test("a source that is no mermaid diagram fails the build with the parser's reason", () => {
  expect(() => renderDiagram("not a diagram")).toThrow(/mermaid header/);
});
