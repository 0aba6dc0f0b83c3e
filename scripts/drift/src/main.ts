// `pnpm drift <provider> <har-or-jsonl-file>`: checks a recorded session against the provider's spec offline, with
// the generated validators a client uses in `validate: "warn"`, and prints the same reports. Exit 1 on any drift.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ResponseSpecs } from "@clientele/core/runtime";
import { runCommand } from "@clientele/registry/cli";
import { findProvider, readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { sensitivePropertyNames } from "@clientele/registry/spec-walk";
import type { OpenAPI3 } from "openapi-typescript";
import { parse } from "yaml";
import { credentialHeaders } from "./credential-headers.ts";
import { operationMatcher } from "./match-operation.ts";
import { readExchanges } from "./read-exchanges.ts";

const USAGE = "pnpm drift <provider> <har-or-jsonl-file>";
const root = repoRoot;

await runCommand("drift", USAGE, async () => {
  const [id, file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0)
    throw new Error(file ? `unexpected argument ${rest.join(" ")}` : "name a provider and a file");
  const provider = findProvider(await readRegistry(root), id);
  const spec: OpenAPI3 = parse(await readFile(join(root, provider.spec), "utf8"));
  // TypeScript sources: run through tsx (`pnpm drift` does), like the clients in the workspace.
  const { checkExchange, createRedactor } = await import("@clientele/core/runtime");
  const validateEntry = join(provider.packageDir, "src", "validate.ts");
  const entry: Record<string, unknown> = await import(pathToFileURL(join(root, validateEntry)).href);
  const validators = Object.values(entry).find(hasResponses);
  if (!validators) throw new Error(`${validateEntry} exports no validators (an object with "responses")`);
  const exchanges = readExchanges(await readFile(file, "utf8"), credentialHeaders(spec));
  const match = operationMatcher(spec);
  const sensitiveKeys = [...sensitivePropertyNames(spec)];
  let reports = 0;
  for (const exchange of exchanges) {
    const redactor = createRedactor(exchange.secrets, sensitiveKeys);
    const { pathname } = new URL(exchange.url);
    const heading = `${exchange.where}: ${exchange.method} ${redactor.text(pathname)} → ${exchange.status}`;
    const operationId = match(exchange.method, exchange.url);
    if (!operationId) {
      console.log(`${heading}\n  no operation of ${id} matches this request`);
      reports++;
      continue;
    }
    const body = parseBody(exchange.bodyText);
    const found = checkExchange(
      validators.responses,
      { operationId, status: exchange.status, headers: exchange.headers, body },
      redactor,
    );
    if (found.length === 0) continue;
    console.log(`${heading}\n${found.map((report) => `  ${report.message}`).join("\n")}`);
    reports += found.length;
  }
  console.log(`drift: ${exchanges.length} exchange(s) checked against ${provider.spec}, ${reports} report(s)`);
  process.exitCode = reports > 0 ? 1 : 0;
});

/** A provider's generated validators, as its `/validate` entry exports them. */
function hasResponses(value: unknown): value is { responses: ResponseSpecs } {
  return typeof value === "object" && value !== null && "responses" in value;
}

/** JSON where it parses (whatever the recorded content type said), else the text: what the client would check. */
function parseBody(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
