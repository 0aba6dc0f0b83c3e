// The consumer matrix as a Markdown table: one row per runtime and module format, one column per scenario, each
// cell the scenario's time or what went wrong.

export interface MatrixCell {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export interface MatrixRow {
  runtime: string;
  version: string;
  format: string;
  cells: MatrixCell[];
  ms: number;
  error?: string;
}

/** @param timing in milliseconds */
export function renderMatrix(
  rows: MatrixRow[],
  scenarios: string[],
  { setup, total, cache, concurrency }: { setup: number; total: number; cache: string; concurrency: number },
): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  // No cell: the scenario is not one for that runtime (the browser-only ones); a run that should have one but
  // failed first still has a row error.
  const cell = (c: MatrixCell | undefined) => (c ? (c.ok ? `✔ ${c.ms} ms` : "✘") : "–");
  const lines = [
    "# Consumer matrix",
    "",
    "The packed packages installed into a fresh project and run on each runtime against twins and a fault server on",
    "127.0.0.1 (`pnpm test:consumer`). A cell is the scenario's time in the runtime; ✘ marks a failure, listed below;",
    "– a scenario the runtime does not run (cors: a page calling a twin on another origin, browsers only). timeout,",
    "abort and 503 → 200 make the smoke call of every provider in the registry whose smoke call is a GET, at once.",
    "",
    `| runtime | version | format | ${scenarios.join(" | ")} | run |`,
    `| --- | --- | --- | ${scenarios.map(() => "---").join(" | ")} | --- |`,
    ...rows.map((row) => {
      const cells = scenarios.map((name) => (row.error ? "✘" : cell(row.cells.find((c) => c.name === name))));
      return `| ${row.runtime} | ${row.version} | ${row.format} | ${cells.join(" | ")} | ${seconds(row.ms)} |`;
    }),
    "",
    `Setup (runtimes, pack, install, bundles) ${seconds(setup)}; whole stage ${seconds(total)}, ${concurrency} runs at a time.`,
    `Runtime cache: ${cache}.`,
  ];
  const failures = rows.flatMap((row) => [
    ...(row.error ? [`- ${row.runtime} ${row.format}: ${oneLine(row.error)}`] : []),
    ...row.cells
      .filter((c) => !c.ok)
      .map((c) => `- ${row.runtime} ${row.format}, ${c.name}: ${oneLine(c.error ?? "")}`),
  ]);
  if (failures.length > 0) lines.push("", "## Failures", "", ...failures);
  return `${lines.join("\n")}\n`;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 600);
