// @ts-check
import { renderMermaidSVG } from "beautiful-mermaid";

/**
 * A diagram a spec carries as mermaid source in a root extension named `x-<name>-diagram`.
 * @typedef {object} SpecDiagram
 * @property {string} extension e.g. `x-audit-status-diagram`
 * @property {string} name      e.g. `audit-status`
 * @property {string} title     e.g. `Audit status diagram`
 * @property {string} source    the mermaid source, verbatim
 */

/**
 * @param {any} spec
 * @returns {SpecDiagram[]}
 */
export function specDiagrams(spec) {
  return Object.entries(spec ?? {}).flatMap(([extension, source]) => {
    const match = /^x-([a-z0-9-]+)-diagram$/.exec(extension);
    if (!match || typeof source !== "string") return [];
    const name = /** @type {string} */ (match[1]);
    const words = name.replace(/-/g, " ");
    return [{ extension, name, title: `${words[0]?.toUpperCase()}${words.slice(1)} diagram`, source }];
  });
}

/**
 * Renders mermaid source to a standalone SVG in Node (beautiful-mermaid: no DOM, no browser), stripped of the web
 * font it would import, so the docs stay fully offline. Throws when the SVG would still reach for the network.
 * @param {string} source
 * @returns {string}
 */
export function renderDiagram(source) {
  // Labels in zinc-600 (7.7:1 on white): the library's default (40% of the text colour) is too faint to read.
  const svg = renderMermaidSVG(source, { bg: "#ffffff", fg: "#27272a", muted: "#52525b", font: "system-ui" })
    // The library always imports its font from a web font service; system-ui renders the same text offline.
    .replace(/^\s*@import url\([^)]*\);\s*$/gm, "");
  const remote = svg.match(/@import|url\(\s*['"]?(?:https?:)?\/\/|(?:href|src)\s*=\s*["'](?:https?:)?\/\//i);
  if (remote) throw new Error(`rendered diagram still references a remote resource (${remote[0]})`);
  return svg;
}
