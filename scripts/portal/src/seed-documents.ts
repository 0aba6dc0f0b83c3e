// The vendor documents a spec formalizes (`info.x-origin`). They are not shipped, so the portal's index gives each
// one a section of its own (its name, the spec that formalizes it, what cites it), and every mention of a document
// in the rendered docs links there instead of to a file nobody can open.
import type { InfoObject, OpenAPI3 } from "openapi-typescript";
import { walk } from "./mark-inferred.js";
import { isSpecNode } from "./spec-node.js";

export interface SeedDocument {
  /** e.g. `000_edb40a1b32d836a7.txt` */
  file: string;
  /** what the document covers, when the spec says (`x-origin: [{ file, covers }]`) */
  covers?: string;
}

/** Which operations cite a document, and how often the spec mentions it in all. */
export interface SeedCitation {
  operations: string[];
  mentions: number;
}

/** A vendor document's file name as the specs cite it: `000_edb40a1b32d836a7.txt`. */
export const SEED_NAME = /\b\d{3}_[0-9a-f]{16}\.txt\b/g;

/** The documents a spec names in `info.x-origin`: a list of file names, or of `{ file, covers }`. */
export function readOrigins(spec: { info?: Partial<InfoObject> } | undefined): SeedDocument[] {
  const entries: unknown[] = [spec?.info?.["x-origin"] ?? []].flat();
  return entries.map((entry) => {
    if (typeof entry === "string") return { file: entry };
    if (isSpecNode(entry) && typeof entry.file === "string") {
      return typeof entry.covers === "string" ? { file: entry.file, covers: entry.covers } : { file: entry.file };
    }
    throw new Error(`info.x-origin: ${JSON.stringify(entry)} is neither a file name nor { file, covers }`);
  });
}

/** The id of a document's section on the index page. */
export const seedAnchor = (file: string): string => `seed-${file.replace(/\.txt$/, "")}`;

/** Where a document's section is, from any page of the portal. */
export const seedHref = (file: string): string => `index.html#${seedAnchor(file)}`;

/**
 * Markdown with every mention of a known document turned into a link to its index section. A name that is already
 * inside a link or a code span is left as it is.
 */
export function linkSeedNames(markdown: string, known: ReadonlySet<string>): string {
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
 */
export function linkSeedMentions(spec: OpenAPI3, known: ReadonlySet<string>): void {
  walk(spec, [], [], (node, path) => {
    if (typeof node.description === "string" && path.at(-2) !== "servers") {
      node.description = linkSeedNames(node.description, known);
    }
  });
}

/**
 * Which operations cite each document in their own text or in what they hold (descriptions, source notes), by
 * operationId, for the index. Elements outside operations (schemas, the spec's introduction) are counted as `other`.
 */
export function seedCitations(spec: Pick<OpenAPI3, "paths">, files: string[]): Map<string, SeedCitation> {
  const found = new Map(files.map((file): [string, SeedCitation] => [file, { operations: [], mentions: 0 }]));
  const text = JSON.stringify(spec);
  for (const [file, entry] of found) entry.mentions = text.split(file).length - 1;
  for (const item of Object.values(spec.paths ?? {}).filter(isSpecNode)) {
    for (const operation of Object.values(item).filter(isSpecNode)) {
      if (typeof operation.operationId !== "string") continue;
      const own = JSON.stringify([
        { ...operation, "x-codeSamples": undefined },
        item.description,
        item["x-provenance"],
      ]);
      const id = operation.operationId;
      for (const [file, entry] of found) if (own.includes(file)) entry.operations.push(id);
    }
  }
  return found;
}
