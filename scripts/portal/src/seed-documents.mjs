// @ts-check
import { walk } from "./mark-inferred.mjs";
// The vendor documents a spec formalizes (`info.x-origin`). They are not shipped, so the portal's index gives each
// one a section of its own (its name, the spec that formalizes it, what cites it), and every mention of a document
// in the rendered docs links there instead of to a file nobody can open.

/**
 * @typedef {object} SeedDocument
 * @property {string} file     e.g. `000_edb40a1b32d836a7.txt`
 * @property {string} [covers] what the document covers, when the spec says (`x-origin: [{ file, covers }]`)
 */

/** A vendor document's file name as the specs cite it: `000_edb40a1b32d836a7.txt`. */
export const SEED_NAME = /\b\d{3}_[0-9a-f]{16}\.txt\b/g;

/**
 * The documents a spec names in `info.x-origin`: a list of file names, or of `{ file, covers }`.
 * @param {any} spec
 * @returns {SeedDocument[]}
 */
export function readOrigins(spec) {
  return [spec?.info?.["x-origin"] ?? []].flat().map((entry) => {
    if (typeof entry === "string") return { file: entry };
    if (entry && typeof entry.file === "string") {
      return typeof entry.covers === "string" ? { file: entry.file, covers: entry.covers } : { file: entry.file };
    }
    throw new Error(`info.x-origin: ${JSON.stringify(entry)} is neither a file name nor { file, covers }`);
  });
}

/** The id of a document's section on the index page. */
export const seedAnchor = (/** @type {string} */ file) => `seed-${file.replace(/\.txt$/, "")}`;

/** Where a document's section is, from any page of the portal. */
export const seedHref = (/** @type {string} */ file) => `index.html#${seedAnchor(file)}`;

/**
 * Markdown with every mention of a known document turned into a link to its index section. A name that is already
 * inside a link or a code span is left as it is.
 * @param {string} markdown
 * @param {ReadonlySet<string>} known
 */
export function linkSeedNames(markdown, known) {
  return markdown
    .split(/(`[^`]*`|\[[^\]]*\]\([^)]*\))/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(SEED_NAME, (name) => (known.has(name) ? `[${name}](${seedHref(name)})` : name)),
    )
    .join("");
}

/**
 * Links the mentions of known documents in every Markdown description of a spec, in place. Server descriptions are
 * plain text to Redoc and keep the bare names.
 * @param {any} spec
 * @param {ReadonlySet<string>} known
 */
export function linkSeedMentions(spec, known) {
  walk(spec, [], [], (node, path) => {
    if (typeof node.description === "string" && path.at(-2) !== "servers") {
      node.description = linkSeedNames(node.description, known);
    }
  });
}

/**
 * Which operations cite each document in their own text or in what they hold (descriptions, source notes), by
 * operationId, for the index. Elements outside operations (schemas, the spec's introduction) are counted as `other`.
 * @param {any} spec
 * @param {string[]} files
 * @returns {Map<string, { operations: string[], mentions: number }>}
 */
export function seedCitations(spec, files) {
  /** @type {Map<string, { operations: string[], mentions: number }>} */
  const found = new Map(files.map((file) => [file, { operations: [], mentions: 0 }]));
  const text = JSON.stringify(spec);
  for (const [file, entry] of found) entry.mentions = text.split(file).length - 1;
  for (const item of Object.values(spec?.paths ?? {})) {
    for (const operation of Object.values(item ?? {})) {
      if (!operation || typeof operation.operationId !== "string") continue;
      const own = JSON.stringify([
        { ...operation, "x-codeSamples": undefined },
        item.description,
        item["x-provenance"],
      ]);
      for (const [file, entry] of found) if (own.includes(file)) entry.operations.push(operation.operationId);
    }
  }
  return found;
}
