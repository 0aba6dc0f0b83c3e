// The accepted security-lint findings of .spectral.yaml, and the "Known risks" section they become in each spec.
import { isMap, isSeq, parseDocument } from "yaml";

export interface AcceptedRisk {
  /** the spec file, relative to the repository root */
  spec: string;
  /** JSON pointer inside the spec ("" for the whole file) */
  pointer: string;
  /** the rules turned off there */
  rules: string[];
  title: string;
  reason: string;
}

/** An entry of the ruleset's `overrides`, as Spectral reads it. */
interface Override {
  files?: unknown;
  rules?: Record<string, unknown>;
}

const TITLE = /^Known risk: (.+?)\.?$/;

/**
 * Reads every override of the ruleset with the comment above it (`Known risk: <title>` and the reason).
 * @param rulesetText the text of .spectral.yaml
 */
export function readAcceptedRisks(rulesetText: string): AcceptedRisk[] {
  const document = parseDocument(rulesetText);
  const overrides = document.get("overrides", true);
  if (!isSeq(overrides)) return [];
  return overrides.items.flatMap((item, index) => {
    if (!isMap(item)) throw new Error(`.spectral.yaml overrides[${index}]: not a mapping`);
    // The first item's comment is held by the sequence itself.
    const comment = item.commentBefore ?? (index === 0 ? overrides.commentBefore : undefined);
    const lines = String(comment ?? "")
      .split("\n")
      .map((line) => line.trim());
    const title = TITLE.exec(lines[0] ?? "")?.[1];
    const reason = lines.slice(1).join(" ").trim();
    const override: Override = item.toJSON();
    const where = `.spectral.yaml overrides[${index}] (${JSON.stringify(override.files)})`;
    if (!title || !reason) throw new Error(`${where}: needs a comment "Known risk: <title>." followed by the reason`);
    const rules = Object.entries(override.rules ?? {})
      .filter(([, severity]) => severity === "off")
      .map(([rule]) => rule);
    if (rules.length === 0) throw new Error(`${where}: turns no rule off`);
    const files = override.files;
    if (!isStringList(files)) throw new Error(`${where}: "files" must be a list of spec paths`);
    return files.map((file) => {
      const [spec = "", pointer = ""] = file.split("#");
      return { spec, pointer, rules, title, reason };
    });
  });
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/** Words wrapped to `width` columns, continuation lines indented by `hang`. */
function wrap(text: string, width: number, hang: string): string[] {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = hang + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export const HEADING = "## Known risks";

/**
 * The markdown section for one spec (undefined when it accepts nothing).
 * @param risks the risks of this spec
 * @param width columns available to the text
 */
export function renderKnownRisks(risks: AcceptedRisk[], width: number): string | undefined {
  if (risks.length === 0) return undefined;
  const byTitle = new Map<string, AcceptedRisk>();
  for (const risk of risks) {
    const seen = byTitle.get(risk.title);
    if (seen) seen.rules = [...new Set([...seen.rules, ...risk.rules])];
    else byTitle.set(risk.title, { ...risk });
  }
  const intro =
    "Findings of the OWASP API Security Top 10 (2023) lint (Spectral's OWASP ruleset) that this spec accepts: " +
    "each comes from the vendor's own design or from something the vendor does not document, so changing the " +
    "spec would misstate the API. They are recorded in `.spectral.yaml`; any other finding fails the tests.";
  const lines = [HEADING, "", ...wrap(intro, width, "")];
  for (const { title, reason, rules } of byTitle.values()) {
    lines.push("", ...wrap(`- **${title}** (${rules.map((r) => `\`${r}\``).join(", ")}). ${reason}`, width, "  "));
  }
  return lines.join("\n");
}

/**
 * The spec text with `section` as the last part of `info.description` (a literal block scalar), replacing the
 * section already there: everything from its heading to the end of the description.
 * @param specName for error messages
 */
export function withKnownRisks(specText: string, section: string, specName: string): string {
  const lines = specText.split("\n");
  const info = lines.indexOf("info:");
  const start = lines.findIndex((line, i) => i > info && /^ {2}description: \|[-+]?$/.test(line));
  if (info === -1 || start === -1) {
    throw new Error(
      `${specName}: info.description must be a literal block scalar ("description: |") to hold ${HEADING}`,
    );
  }
  let end = start + 1;
  while (end < lines.length && (lines[end] === "" || /^ {4}/.test(lines[end] ?? ""))) end++;
  while (end > start + 1 && lines[end - 1] === "") end--;
  const heading = lines.findIndex((line, i) => i > start && i < end && line === `    ${HEADING}`);
  const keep = heading === -1 ? end : heading;
  let body = lines.slice(start + 1, keep);
  while (body.length > 0 && body.at(-1) === "") body = body.slice(0, -1);
  const indented = section.split("\n").map((line) => (line ? `    ${line}` : ""));
  return [...lines.slice(0, start + 1), ...body, "", ...indented, ...lines.slice(end)].join("\n");
}
