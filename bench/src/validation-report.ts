import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { formatBytes } from "./stats.js";
import type { ValidationBundle, ValidationCost } from "./validation.js";

const START = "<!-- bench:validation:start: written by `pnpm bench` and `pnpm bench --validation` -->";
const END = "<!-- bench:validation:end -->";

export interface ValidationReport {
  date: string;
  /** 1-minute load average when the run began, and the cores it shared: timings under load are upper bounds. */
  load: { average: number; cores: number };
  cost: ValidationCost[];
  bundles: ValidationBundle[];
}

export function renderValidation({ date, load, cost, bundles }: ValidationReport): string {
  return [
    START,
    `### Response validation (\`validate: "warn"\`), measured ${date.slice(0, 10)}`,
    "",
    `Per call, CycleSoftware, fetch answering at once (the client's own work only; median of the interleaved rounds;`,
    `load average ${load.average.toFixed(1)} on ${load.cores} cores when the run began):`,
    "",
    "| call | validate off | validate warn | validation's cost |",
    "| --- | --- | --- | --- |",
    ...cost.map(
      ({ call, offUs, warnUs }) =>
        `| ${call} | ${offUs.toFixed(1)} µs | ${warnUs.toFixed(1)} µs | +${(warnUs - offUs).toFixed(1)} µs |`,
    ),
    "",
    "Per bundle (min+gz, esbuild, tree-shaken): the `/validate` entry alone, and the one-call app (transport +",
    "function) without and with validation turned on:",
    "",
    "| provider | `/validate` entry | one-call app, validate off | one-call app, validate warn |",
    "| --- | --- | --- | --- |",
    ...bundles.map(
      ({ provider, entry, appOff, appWarn }) =>
        `| ${provider} | ${formatBytes(entry)} | ${formatBytes(appOff)} | ${formatBytes(appWarn)} (+${formatBytes(appWarn - appOff)}) |`,
    ),
    END,
  ].join("\n");
}

/** Replaces the validation block, or appends it where the document has none yet. */
export function writeValidation(path: string, generated: string): void {
  const current = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n";
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start === -1 || end === -1
      ? `${current.trimEnd()}\n\n${generated}\n`
      : current.slice(0, start) + generated + current.slice(end + END.length);
  writeFileSync(path, next);
}
