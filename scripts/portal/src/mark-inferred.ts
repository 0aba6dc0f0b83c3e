import { HTTP_METHODS } from "@clientele/registry/spec-walk";
import type { OpenAPI3 } from "openapi-typescript";
import { isSpecNode, type SpecNode } from "./spec-node.js";

/** The badge a reader sees on every element the spec marks `x-inferred: true`; styled by docs/redoc.hbs. */
export const INFERRED_MARK =
  '<mark data-x-inferred title="Not stated by the vendor document: inferred for this spec (x-inferred)">Inferred</mark>';

/** Redoc shows server descriptions as plain text, so they get a plain-text mark. */
export const INFERRED_TEXT_MARK = "[Inferred]";

/** The operation badge Redoc shows in the sidebar, the operation list and the operation's heading. */
const BADGE = { name: "Inferred", color: "#fcd34d" };

/** The heading of the block that shows an element's `x-provenance`: which vendor sentence says what, and why. */
export const SOURCE_NOTES = "Source notes";

/**
 * An element's `x-provenance` (Markdown) as a collapsed block of its own, apart from the description that says what
 * the element does. Blank lines keep Markdown working inside the HTML block.
 */
export const sourceNotesBlock = (markdown: string): string =>
  `<details data-x-provenance><summary>${SOURCE_NOTES}</summary>\n\n${markdown.trim()}\n\n</details>`;

/**
 * Makes every `x-inferred: true` element visible in the rendered docs, in place: a badge at the start of its
 * description (or the description of what shows it), plus a Redoc badge on operations. An element's `x-provenance`
 * (inferred or not) follows its description as a "Source notes" block. Example values are data, not spec elements,
 * and are left alone. `spec` is a bundled OpenAPI document, changed in place; `notes` rewrites each note first (e.g.
 * links). Returns how many elements were marked as inferred.
 */
export function markInferred(
  spec: OpenAPI3,
  { notes = (markdown) => markdown }: { notes?: (markdown: string) => string } = {},
): number {
  let count = 0;
  walk(spec, [], [], (node, path, lineage) => {
    const inferred = node["x-inferred"] === true;
    const notesOf = node["x-provenance"];
    const provenance = typeof notesOf === "string" ? notes(notesOf) : undefined;
    if (!inferred && !provenance) return;
    if (inferred) count++;
    const key = path.at(-1);
    const withNotes = (description: unknown) =>
      provenance ? join(description, sourceNotesBlock(provenance)) : description;
    if (path[0] === "paths" && path.length === 2) {
      // Redoc does not show a path item's description: its operations carry the mark and the reason.
      for (const method of HTTP_METHODS) {
        const operation = node[method];
        if (!isSpecNode(operation)) continue;
        if (inferred) badge(operation);
        const paragraph = inferred ? `${INFERRED_MARK} ${node.description ?? "Inferred path."}` : undefined;
        describe(operation, withNotes(paragraph ? join(operation.description, paragraph) : operation.description));
      }
    } else if (path[0] === "paths" && path.length === 3 && HTTP_METHODS.includes(String(key))) {
      if (inferred) badge(node);
      describe(node, withNotes(inferred ? prefix(node.description) : node.description));
    } else if (path.at(-2) === "content" && isSpecNode(lineage.at(-2))) {
      // A media type has no description of its own: the response or request body that holds it says so.
      const owner = lineage.at(-2) as SpecNode;
      const paragraph = inferred ? `${INFERRED_MARK} The media type \`${key}\` is inferred.` : undefined;
      describe(owner, withNotes(paragraph ? join(owner.description, paragraph) : owner.description));
    } else if (path.at(-2) === "servers") {
      // Plain text: the notes follow as a sentence.
      const text = inferred ? `${INFERRED_TEXT_MARK} ${node.description ?? ""}`.trim() : (node.description ?? "");
      describe(node, provenance ? `${text} ${SOURCE_NOTES}: ${provenance.trim()}`.trim() : text);
    } else {
      describe(node, withNotes(inferred ? prefix(node.description) : node.description));
    }
  });
  return count;
}

function describe(holder: SpecNode, description: unknown) {
  if (typeof description === "string") holder.description = description;
}

function badge(operation: SpecNode) {
  const badges: unknown[] = Array.isArray(operation["x-badges"]) ? operation["x-badges"] : [];
  if (!badges.some((b) => isSpecNode(b) && b.name === BADGE.name)) operation["x-badges"] = [...badges, { ...BADGE }];
}

const prefix = (description: unknown): string =>
  typeof description === "string" && description.trim() ? `${INFERRED_MARK} ${description}` : INFERRED_MARK;

const join = (description: unknown, paragraph: string): string =>
  typeof description === "string" && description.trim() ? `${description}\n\n${paragraph}` : paragraph;

/** The keys from the document's root down to a node. */
export type SpecPath = (string | number)[];

/**
 * Visits every object of a spec that is a spec element (example data is skipped), parents first. `lineage` holds the
 * nodes along `path` above `node`, root first.
 */
export function walk(
  node: unknown,
  path: SpecPath,
  lineage: unknown[],
  visit: (node: SpecNode, path: SpecPath, lineage: unknown[]) => void,
): void {
  if (!node || typeof node !== "object") return;
  if (isSpecNode(node)) visit(node, path, lineage);
  for (const [key, value] of Object.entries(node)) {
    if (!Array.isArray(node) && isExampleData(path, key, value)) continue;
    walk(value, [...path, Array.isArray(node) ? Number(key) : key], [...lineage, node], visit);
  }
}

function isExampleData(path: SpecPath, key: string, value: unknown): boolean {
  if (key === "example" || key === "x-codeSamples") return true;
  if (key === "examples" && Array.isArray(value)) return true;
  return key === "value" && path.at(-2) === "examples";
}
