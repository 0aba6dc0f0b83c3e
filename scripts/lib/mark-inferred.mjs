// @ts-check
import { HTTP_METHODS } from "./spec-walk.mjs";

/** The badge a reader sees on every element the spec marks `x-inferred: true`; styled by docs/redoc.hbs. */
export const INFERRED_MARK =
  '<mark data-x-inferred title="Not stated by the vendor document: inferred for this spec (x-inferred)">Inferred</mark>';

/** Redoc shows server descriptions as plain text, so they get a plain-text mark. */
export const INFERRED_TEXT_MARK = "[Inferred]";

/** The operation badge Redoc shows in the sidebar, the operation list and the operation's heading. */
const BADGE = { name: "Inferred", color: "#fcd34d" };

/**
 * Makes every `x-inferred: true` element visible in the rendered docs, in place: a badge at the start of its
 * description (or the description of what shows it), plus a Redoc badge on operations. Example values are data, not
 * spec elements, and are left alone.
 * @param {any} spec a bundled OpenAPI document, changed in place
 * @returns {number} how many elements were marked
 */
export function markInferred(spec) {
  let count = 0;
  walk(spec, [], [], (node, path, lineage) => {
    if (node["x-inferred"] !== true) return;
    count++;
    const key = path.at(-1);
    if (path[0] === "paths" && path.length === 2) {
      // Redoc does not show a path item's description: its operations carry the mark and the reason.
      for (const method of HTTP_METHODS) {
        const operation = node[method];
        if (!operation) continue;
        badge(operation);
        operation.description = join(operation.description, `${INFERRED_MARK} ${node.description ?? "Inferred path."}`);
      }
    } else if (path[0] === "paths" && path.length === 3 && HTTP_METHODS.includes(String(key))) {
      badge(node);
      node.description = prefix(node.description);
    } else if (path.at(-2) === "content" && lineage.at(-2)) {
      // A media type has no description of its own: the response or request body that holds it says so.
      const owner = lineage.at(-2);
      owner.description = join(owner.description, `${INFERRED_MARK} The media type \`${key}\` is inferred.`);
    } else if (path.at(-2) === "servers") {
      node.description = `${INFERRED_TEXT_MARK} ${node.description ?? ""}`.trim();
    } else {
      node.description = prefix(node.description);
    }
  });
  return count;
}

/** @param {any} operation */
function badge(operation) {
  const badges = Array.isArray(operation["x-badges"]) ? operation["x-badges"] : [];
  if (!badges.some((b) => b?.name === BADGE.name)) operation["x-badges"] = [...badges, { ...BADGE }];
}

/** @param {unknown} description */
const prefix = (description) =>
  typeof description === "string" && description.trim() ? `${INFERRED_MARK} ${description}` : INFERRED_MARK;

/** @param {unknown} description @param {string} paragraph */
const join = (description, paragraph) =>
  typeof description === "string" && description.trim() ? `${description}\n\n${paragraph}` : paragraph;

/**
 * @param {unknown} node
 * @param {(string | number)[]} path
 * @param {any[]} lineage the nodes along `path` above `node`, root first
 * @param {(node: any, path: (string | number)[], lineage: any[]) => void} visit
 */
function walk(node, path, lineage, visit) {
  if (!node || typeof node !== "object") return;
  if (!Array.isArray(node)) visit(node, path, lineage);
  for (const [key, value] of Object.entries(node)) {
    if (!Array.isArray(node) && isExampleData(path, key, value)) continue;
    walk(value, [...path, Array.isArray(node) ? Number(key) : key], [...lineage, node], visit);
  }
}

/**
 * @param {(string | number)[]} path
 * @param {string} key
 * @param {unknown} value
 */
function isExampleData(path, key, value) {
  if (key === "example" || key === "x-codeSamples") return true;
  if (key === "examples" && Array.isArray(value)) return true;
  return key === "value" && path.at(-2) === "examples";
}
