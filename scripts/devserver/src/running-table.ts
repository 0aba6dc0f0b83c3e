// What `pnpm start` prints once everything runs: where each provider's docs, mock and twin are, and how to log in.

export interface RunningProvider {
  id: string;
  docs: string;
  mock: string;
  twin: string;
  /** the twin's documented default credentials, in words */
  credentials: string;
}

export function describeRunning(portalUrl: string, providers: RunningProvider[]): string {
  const rows = [
    ["", "docs", "mock (Prism, stateless)", "twin (stateful)"],
    ["portal index", `${portalUrl}/`, "", ""],
    ...providers.map(({ id, docs, mock, twin }) => [id, docs, mock, twin]),
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  const table = rows.map((row) => {
    const cells = row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell));
    return `  ${cells.join("  ")}`.trimEnd();
  });
  return [
    `\nclientele is running on 127.0.0.1 (pid ${process.pid}; Ctrl-C stops everything):\n`,
    ...table,
    "\nTwin credentials (the documented defaults):",
    ...providers.map(({ id, credentials }) => `  ${id}: ${credentials}`),
    "\nPoint a client at a mock or a twin with its `baseUrl` option. A mock answers with the spec's examples and\n" +
      "reports invalid requests in `sl-violations`; a twin keeps what you create and behaves as the vendor documents.",
  ].join("\n");
}
