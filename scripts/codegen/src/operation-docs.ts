// The doc comments of generated operations: what an editor shows on hover.
import type { OperationModel } from "./read-operations.ts";
import { camel } from "./type-names.ts";

/** Paragraphs of a description, each one line, `*\/` escaped: prose as it reads inside a doc comment. */
const prose = (text: string) =>
  text
    .trim()
    .replace(/\*\//g, "*\\/")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " "));

/** A line broken between words to fit `width` (a longer word stays whole). */
function wrap(line: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of line.split(" ")) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...lines, current];
}

/** The summary, the description, the method and path, a `@param` per documented argument, `@experimental`. */
export function docComment(op: OperationModel, indent: string): string {
  const lines = [op.summary];
  if (op.description) lines.push("", ...prose(op.description).flatMap((p, i) => (i === 0 ? [p] : ["", p])));
  lines.push("", `\`${op.method} ${op.path}\``);
  const params: string[] = [];
  for (const p of op.pathParams.filter((p) => !p.fromClient && p.description)) {
    params.push(`@param ${camel(p.name)} ${prose(p.description ?? "").join(" ")}`);
  }
  if (op.body !== "none" && op.bodyDescription) params.push(`@param body ${prose(op.bodyDescription).join(" ")}`);
  for (const { name, description } of op.queryDocs) params.push(`@param query.${name} ${prose(description).join(" ")}`);
  if (params.length > 0) lines.push("", ...params);
  if (op.experimental) lines.push("", `@experimental ${op.experimental}`);
  const width = 117 - indent.length;
  const wrapped = lines.flatMap((line) => (line ? wrap(line, width) : [line]));
  return `${indent}/**\n${wrapped.map((l) => `${indent} *${l ? ` ${l}` : ""}`).join("\n")}\n${indent} */\n`;
}

/**
 * One constant per hint that two or more operations document (Cubit's 401 is the same on all six), so the full
 * client carries each text once and a one-call app only its operation's; a hint of one operation only is written
 * in its constant (a variable of its own costs a bundle bytes). Hint text → constant name.
 */
export function hintConstants(operations: OperationModel[]): Map<string, string> {
  const uses = new Map<string, number>();
  for (const op of operations) {
    for (const hint of new Set(Object.values(op.hints))) uses.set(hint, (uses.get(hint) ?? 0) + 1);
  }
  const names = new Map<string, string>();
  for (const op of operations) {
    for (const [status, hint] of Object.entries(op.hints)) {
      if (names.has(hint) || (uses.get(hint) ?? 0) < 2) continue;
      const taken = [...names.values()].filter((name) => name.startsWith(`hint${status}`)).length;
      names.set(hint, `hint${status}${taken === 0 ? "" : `_${taken + 1}`}`);
    }
  }
  return names;
}

/** `, hints: { 400: hint400, … }`, or nothing where the spec documents no error status. */
export function hintsField(op: OperationModel, constants: Map<string, string>): string {
  const entries = Object.entries(op.hints).map(
    ([status, hint]) => `${status}: ${constants.get(hint) ?? JSON.stringify(hint)}`,
  );
  return entries.length === 0 ? "" : `, hints: { ${entries.join(", ")} }`;
}
