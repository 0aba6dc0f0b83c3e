#!/usr/bin/env node
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { portOption, runCommand, stopOnSignal } from "@clientele/registry/cli";
import { findProvider, readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import type { OpenAPI3 } from "openapi-typescript";
import { parse } from "yaml";
import { describeExchange, startValidatingProxy } from "./validating-proxy.js";

const root = repoRoot;

await runCommand("proxy", "pnpm proxy <provider> <upstream-url> [--port N] [--errors]", async () => {
  const { values, positionals } = parseArgs({
    options: { port: { type: "string" }, errors: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const provider = findProvider(await readRegistry(root), positionals[0]);
  const upstream = positionals[1];
  if (!upstream) {
    const spec: OpenAPI3 = parse(await readFile(join(root, provider.spec), "utf8"));
    const servers = (spec.servers ?? []).map((server) => server.url).join(", ");
    throw new Error(`name the upstream URL${servers ? `, e.g. one of ${provider.spec}'s servers: ${servers}` : ""}`);
  }
  const proxy = await startValidatingProxy({
    spec: provider.spec,
    upstream,
    port: portOption(values.port),
    errors: values.errors,
    onExchange: (exchange) => {
      for (const line of describeExchange(exchange)) console.log(line);
    },
  });
  const stop = async () => {
    const withViolations = proxy.exchanges.filter((e) => e.violations.length > 0);
    console.log(`\n${proxy.exchanges.length} requests, ${withViolations.length} left the spec.`);
    const counts = new Map<string, number>();
    for (const v of withViolations.flatMap((e) => e.violations)) {
      const key = `${v.location} ${v.message}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [violation, count] of counts) console.log(`  ${count} × ${violation}`);
    await proxy.stop();
    process.exit(withViolations.length > 0 ? 1 : 0);
  };
  // Handlers before the URL is printed: whoever reads the URL may signal at once, and must get the summary.
  stopOnSignal(stop);
  console.log(`${provider.id} validating proxy (Prism, ${provider.spec}) → ${upstream}, listening at ${proxy.url}`);
  console.log(
    values.errors
      ? "--errors: a response that leaves the spec is replaced by Prism's 500 problem."
      : "Responses pass through unchanged; violations are printed here and sent in the sl-violations header.",
  );
  console.log("Point your client's baseUrl at it. Ctrl-C stops it and prints a summary.");
});
