// client.ts: the provider's factory, from the model `readClientModel` reads off the spec. Every check goes through
// core's runtime, so the generated code only says which check each option gets and where its value goes.
import type { ClientModel, ClientOption } from "./client-options.ts";
import { factoryBody } from "./render-factory-body.ts";

const WIDTH = 118;

/** A JSDoc comment, on one line when it fits, else wrapped between words. */
export function jsDoc(text: string, indent = ""): string {
  const clean = text.replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim();
  if (indent.length + clean.length + 7 <= WIDTH) return `${indent}/** ${clean} */\n`;
  const lines: string[] = [];
  let line = "";
  for (const word of clean.split(" ")) {
    if (line && indent.length + 3 + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}\n`).join("")}${indent} */\n`;
}

/** Biome's order of named imports: by letter, and for the same letter in two cases, the capital first. */
function byName(a: string, b: string): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i] as string, b[i] as string];
    if (x === y) continue;
    const [lx, ly] = [x.toLowerCase(), y.toLowerCase()];
    return lx === ly ? (x === lx ? 1 : -1) : lx < ly ? -1 : 1;
  }
  return a.length - b.length;
}

/** An import on one line when it fits in 120 columns, else one name a line. */
function importLine(names: string[], from: string): string {
  const line = `import { ${names.join(", ")} } from "${from}";\n`;
  return line.length <= 121 ? line : `import {\n${names.map((n) => `  ${n},\n`).join("")}} from "${from}";\n`;
}

/** The TypeScript type of an option's value. */
function optionType(option: ClientOption): string {
  const { source } = option;
  if (source.kind === "requests-per-minute") return "number";
  if (source.kind === "environment" && source.via === "servers") return "keyof typeof environmentServers";
  if (source.kind === "environment" || source.kind === "path") return `PathOptions[${JSON.stringify(option.name)}]`;
  if (source.kind === "server-variable" && source.values)
    return source.values.map((v) => JSON.stringify(v)).join(" | ");
  return "string";
}

/** What the raw client's doc says it shares with the client. */
function credentialWords(model: ClientModel): string {
  if (model.credentials === "basic") return "credentials";
  if (model.credentials === "none") return "headers";
  return model.options.filter((o) => o.source.kind === "header").length > 1 ? "keys" : "key";
}

const NO_SCHEME_DOC =
  "The spec names no auth scheme: whatever credential the vendor issues goes here. Every value is treated as a " +
  "secret and redacted from errors and logs, except those of `accept`, `accept-language`, `content-type` and " +
  "`user-agent`.";

/**
 * @param exported the names spec.ts exports (`accept` only exists when responses name a media type)
 */
export function renderFactory(model: ClientModel, exported: ReadonlySet<string>): string {
  const { name } = model;
  const body = factoryBody(model, exported);
  const transportType = `Transport<${model.pathOptions ? "PathOptions" : "undefined"}>`;
  const runtime = [...body.runtime, "ClientOptions", "createRawClient", "createTransport", "RawClient", "Transport"];
  const types = new Set(["ClientOptions", "RawClient", "Transport"]);
  const runtimeList = [...new Set(runtime)].sort(byName).map((n) => (types.has(n) ? `type ${n}` : n));
  const specList = [...new Set(body.spec)].sort(byName).map((n) => (n === "PathOptions" ? "type PathOptions" : n));
  let text = importLine(runtimeList, "@clientele/core/runtime");
  text += `import { bindOperations, type Operations } from "./operations.js";\n`;
  text += `import type { paths } from "./schema.js";\n`;
  text += `${importLine(specList, "./spec.js")}\n`;
  text += `const FACTORY = ${JSON.stringify(model.factory)};\n${body.constants}\n`;
  text += `export interface ${name}ClientOptions extends ClientOptions {\n`;
  for (const option of model.options) {
    text += jsDoc(option.doc, "  ");
    text += `  ${option.name}${option.required ? "" : "?"}: ${optionType(option)};\n`;
  }
  if (model.credentials === "none") text += `${jsDoc(NO_SCHEME_DOC, "  ")}  headers?: Record<string, string>;\n`;
  text += "}\n\n";
  text += model.rateLimit
    ? `export type ${name}Client = Operations & {\n${jsDoc("The rate-limit figures of the latest response.", "  ")}  readonly rateLimit: ${transportType}["rateLimit"];\n};\n\n`
    : `export type ${name}Client = Operations;\n\n`;
  text += jsDoc("The lightweight transport the standalone operation functions take; the smallest bundle.");
  text += `export function create${name}Transport(options: ${name}ClientOptions): ${transportType} {\n${body.transport}}\n\n`;
  text += `export function ${model.factory}(options: ${name}ClientOptions): ${name}Client {\n`;
  text += model.rateLimit
    ? `  const transport = create${name}Transport(options);\n  return {\n    ...bindOperations(transport),\n    get rateLimit() {\n      return transport.rateLimit;\n    },\n  };\n}\n\n`
    : `  return bindOperations(create${name}Transport(options));\n}\n\n`;
  text += jsDoc(
    `The plain [openapi-fetch](https://openapi-ts.dev/openapi-fetch/) client on the same server, ${credentialWords(model)} ` +
      "and fetch, for full control: no retries, no typed errors, no redaction. A function of its own rather than a " +
      "property of the client, so an app that never calls it does not bundle openapi-fetch.",
  );
  text += `export function create${name}RawClient(options: ${name}ClientOptions): RawClient<paths> {\n`;
  text += `  return createRawClient<paths>(create${name}Transport(options));\n}\n`;
  return text;
}
