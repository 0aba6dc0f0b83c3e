import { renderMermaidSVG } from "beautiful-mermaid";

import type { OpenAPI3 } from "openapi-typescript";

/** A diagram a spec carries as mermaid source in a root extension named `x-<name>-diagram`. */
export interface SpecDiagram {
  /** e.g. `x-audit-status-diagram` */
  extension: string;
  /** e.g. `audit-status` */
  name: string;
  /** e.g. `Audit status diagram` */
  title: string;
  /** the mermaid source, verbatim */
  source: string;
}

/** The diagrams among the root keys of a spec. */
export function specDiagrams(spec: OpenAPI3 | object | undefined): SpecDiagram[] {
  return Object.entries(spec ?? {}).flatMap(([extension, source]: [string, unknown]) => {
    const match = /^x-([a-z0-9-]+)-diagram$/.exec(extension);
    if (!match || typeof source !== "string") return [];
    const name = match[1] as string;
    const words = name.replace(/-/g, " ");
    return [{ extension, name, title: `${words[0]?.toUpperCase()}${words.slice(1)} diagram`, source }];
  });
}

/**
 * Renders mermaid source to a standalone SVG in Node (beautiful-mermaid: no DOM, no browser), stripped of the web
 * font it would import, so the docs stay fully offline. Throws when the SVG would still reach for the network.
 */
export function renderDiagram(source: string): string {
  // Labels in zinc-600 (7.7:1 on white): the library's default (40% of the text colour) is too faint to read.
  const svg = renderMermaidSVG(source, { bg: "#ffffff", fg: "#27272a", muted: "#52525b", font: "system-ui" })
    // The library always imports its font from a web font service; system-ui renders the same text offline.
    .replace(/^\s*@import url\([^)]*\);\s*$/gm, "");
  const remote = svg.match(/@import|url\(\s*['"]?(?:https?:)?\/\/|(?:href|src)\s*=\s*["'](?:https?:)?\/\//i);
  if (remote) throw new Error(`rendered diagram still references a remote resource (${remote[0]})`);
  return svg;
}
