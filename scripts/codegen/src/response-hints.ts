import { deref, type OpenAPI3, type OperationObject } from "@clientele/registry/spec-walk";
import type { ResponseObject } from "openapi-typescript";

/** A vendor document's file name: provenance, which users cannot open, so never part of a hint. */
const SEED_FILE = /\b\d{3}_[0-9a-f]{16}\.txt\b/;
const MAX_HINT = 240;

/**
 * What each documented error status (4xx/5xx) of an operation means, as a short user-facing hint per status: the
 * `hint` of the `ApiError` the call throws and the tail of its message.
 */
export function readHints(spec: OpenAPI3, operation: OperationObject): Record<string, string> {
  const hints: Record<string, string> = {};
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    if (!/^[45]\d\d$/.test(status)) continue;
    const hint = hintOf(deref<ResponseObject>(spec, response).description);
    if (hint) hints[status] = hint;
  }
  return hints;
}

/**
 * The first sentence of a response description, as a user reads it. Descriptions are meant to hold only what the
 * status means, but this stays safe if provenance is left in them: everything from an "Inferred" sentence on is
 * dropped, a sentence naming a vendor document is skipped, a leading echo of the status ("400 - Bad Request:") and
 * quoted vendor sentences in parentheses go, and Markdown code marks are unwrapped. A vendor error table's
 * "Explanation: … Solution: …" reads as the explanation and the first step of the solution.
 */
export function hintOf(description: unknown): string | undefined {
  if (typeof description !== "string") return undefined;
  let text = description
    .replace(/\s+/g, " ")
    .replace(/(^|[.!?"] )Inferred\b.*$/, "$1")
    .replace(/^\d{3} ?- ?(?:[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*[:.](?: |$))?/, "")
    .trim();
  const explanation = /\bExplanation: (.+?)(?= Solution:|$)/.exec(text)?.[1];
  const solution = /\bSolution: (.+)$/.exec(text)?.[1];
  if (explanation || solution) {
    text = [explanation, solution]
      .map((part) => part && firstSentence(part))
      .filter((part) => part && !/^none given\b/i.test(part))
      .join(" ");
  } else {
    text = sentences(text).find((sentence) => !SEED_FILE.test(sentence)) ?? "";
  }
  text = text
    .replace(/ ?\("[^"]*"\)/g, "")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/^"(.*)"$/, "$1")
    .trim();
  if (!text || SEED_FILE.test(text)) return undefined;
  text = text[0]?.toUpperCase() + text.slice(1);
  return text.length > MAX_HINT ? `${text.slice(0, MAX_HINT - 1).trimEnd()}…` : text;
}

const firstSentence = (text: string) => sentences(text)[0] ?? "";

/**
 * Sentences, split where `.`, `!` or `?` (or a quotation ending in one) is followed by a space or the end, never
 * inside quotation marks or parentheses: a quoted vendor sentence stays whole.
 */
function sentences(text: string): string[] {
  const found = [];
  let start = 0;
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth = Math.max(0, depth - 1);
    const ends =
      depth === 0 &&
      (text[i + 1] === " " || i + 1 === text.length) &&
      (quoted ? false : /[.!?]/.test(c ?? "") || (c === '"' && /[.!?]/.test(text[i - 1] ?? "")));
    if (ends) {
      found.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  const rest = text.slice(start).trim();
  if (rest) found.push(rest);
  return found;
}
