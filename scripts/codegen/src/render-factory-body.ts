// The body of a generated `create<Provider>Transport`: each option read with its check, then the transport set up
// with the credentials as headers and secrets, the server, the path options and the rate limiting.
import type { ClientModel, ClientOption } from "./client-options.ts";

export interface FactoryBody {
  /** What it uses from `@clientele/core/runtime` and from spec.ts. */
  runtime: string[];
  spec: string[];
  /** Module-level constants after FACTORY. */
  constants: string;
  /** The statements of `create<Provider>Transport`. */
  transport: string;
}

/** Header values that are not credentials, even when the spec names no scheme: masking them garbles messages. */
const NOT_SECRET = ["accept", "accept-language", "content-type", "user-agent"];
const RESERVED = new Set(["options", "credential", "authHeaders", "transport", "FACTORY"]);

const str = JSON.stringify;
/** An array literal as Biome writes it: `["a", "b"]`. */
export const list = (values: readonly string[]) => `[${values.map((v) => str(v)).join(", ")}]`;

export function factoryBody(model: ClientModel, exported: ReadonlySet<string>): FactoryBody {
  const runtime = ["checkOptionNames"];
  const spec: string[] = [];
  let constants = "";
  // The names in the call itself: the list has no other use.
  let reads = `  checkOptionNames(FACTORY, options, ${list(model.options.map((o) => o.name))});\n`;
  for (const option of model.options) {
    if (!/^[A-Za-z_$][\w$]*$/.test(option.name) || RESERVED.has(option.name)) {
      throw new Error(`${model.factory}: option "${option.name}" cannot be generated (not an identifier, or reserved)`);
    }
    const read = readOption(option);
    runtime.push(...read.runtime);
    spec.push(...read.spec);
    constants += read.constant ?? "";
    reads += read.text;
  }
  const setup: string[] = ["factory: FACTORY", "options"];
  const environments = model.options.find((o) => o.source.kind === "environment" && o.source.via === "servers");
  if (environments) {
    setup.push("defaultBaseUrl: environmentServers[environment]");
    spec.push("environmentServers");
  } else {
    const variables = model.options.filter((o) => o.source.kind === "server-variable").map((o) => o.name);
    // The spec's URL written where it is used, like a templated one: no module constant from spec.ts in the bundle.
    setup.push(
      `defaultBaseUrl: ${variables.length > 0 ? serverTemplate(model.serverUrl, variables) : str(model.serverUrl)}`,
    );
  }
  const auth = authSetup(model);
  reads += auth.statements;
  runtime.push(...auth.runtime);
  constants += auth.constant;
  setup.push(auth.headers === "authHeaders" ? "authHeaders" : `authHeaders: ${auth.headers}`);
  if (exported.has("accept")) {
    setup.push("accept");
    spec.push("accept");
  }
  setup.push(`secrets: ${auth.secrets}`);
  if (model.sensitiveFields) {
    setup.push("sensitiveKeys");
    spec.push("sensitiveKeys");
  }
  const paths = model.options.filter((o) => o.source.kind === "path" || o.source.kind === "environment");
  const pathNames = paths.filter((o) => !(o.source.kind === "environment" && o.source.via === "servers"));
  if (pathNames.length > 0) setup.push(`path: { ${pathNames.map((o) => o.name).join(", ")} }`);
  if (model.rateLimit) {
    runtime.push("rateLimiting", "optionalCount");
    spec.push("rateLimitHeaders");
    setup.push('rateLimits: rateLimiting(rateLimitHeaders, optionalCount(FACTORY, options, "requestsPerMinute"))');
  }
  const transport = `${reads}  return createTransport({\n${setup.map((s) => `    ${s},\n`).join("")}  });\n`;
  return { runtime, spec, constants, transport };
}

/**
 * The server URL as a template literal with each variable's (checked) value in its place: filled where it is written,
 * not by replacing the placeholders at run time.
 */
function serverTemplate(url: string, variables: string[]): string {
  let text = url.replace(/[`\\$]/g, "\\$&");
  for (const v of variables) text = text.replaceAll(`{${v}}`, `\${${v}}`);
  return `\`${text}\``;
}

interface Read {
  text: string;
  runtime: string[];
  spec: string[];
  constant?: string;
}

function readOption(option: ClientOption): Read {
  const { name, source } = option;
  const string = `  const ${name} = requireString(FACTORY, options, ${str(name)});\n`;
  // Allowed values are written into the check (the generator knows them), not looked up in spec.ts at run time.
  const oneOf = (values: string[]) =>
    `  const ${name} = requireOneOf(FACTORY, options, ${str(name)}, ${list(values)});\n`;
  switch (source.kind) {
    case "requests-per-minute":
      return { text: "", runtime: [], spec: [] };
    case "header":
    case "basic":
      return { text: string, runtime: ["requireString"], spec: [] };
    case "environment":
      return {
        text: oneOf(source.values),
        runtime: ["requireOneOf"],
        spec: source.via === "servers" ? [] : ["PathOptions"],
      };
    case "path":
      return source.values
        ? { text: oneOf(source.values), runtime: ["requireOneOf"], spec: ["PathOptions"] }
        : { text: string, runtime: ["requireString"], spec: ["PathOptions"] };
    case "server-variable": {
      if (source.values) return { text: oneOf(source.values), runtime: ["requireOneOf"], spec: [] };
      if (!source.pattern)
        throw new Error(`server variable "${name}" needs an enum or an x-pattern: its value goes in the URL`);
      // The pattern is written into its one test, with the message that says what it means.
      const text =
        `${string}  if (!/${source.pattern.regex}/.test(${name})) {\n` +
        `    throw new OptionError(FACTORY, ${str(name)}, ${str(`must be ${source.pattern.meaning}`)});\n  }\n`;
      return { text, runtime: ["requireString", "OptionError"], spec: [] };
    }
  }
}

function authSetup(model: ClientModel): {
  statements: string;
  runtime: string[];
  constant: string;
  headers: string;
  secrets: string;
} {
  if (model.credentials === "basic") {
    return {
      statements: "  const credential = basicCredential(username, password);\n",
      runtime: ["basicCredential"],
      constant: "",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: generated code, a template literal in the output
      headers: "{ authorization: `Basic ${credential}` }",
      secrets: "[credential, password, username]",
    };
  }
  if (model.credentials === "none") {
    const statements =
      "  // The spec names no auth scheme, so the credential goes in some header it does not name: every header value is\n" +
      '  // a secret, except those of content negotiation (masking "application/json" would garble every message).\n' +
      "  // They are its auth headers, so their names are credential headers too: masked by name in logs, also per call.\n" +
      "  // Headers that are not an object are refused by createTransport's headers check, before these are used.\n" +
      "  const authHeaders = Object.fromEntries(\n" +
      "    Object.entries(options.headers ?? {}).filter(\n" +
      '      ([name, value]) => !NOT_SECRET.has(name.toLowerCase()) && typeof value === "string",\n' +
      "    ),\n  );\n";
    return {
      statements,
      runtime: [],
      constant: `const NOT_SECRET = new Set(${list(NOT_SECRET)});\n`,
      headers: "authHeaders",
      secrets: "Object.values(authHeaders)",
    };
  }
  const headers = model.options.flatMap((o) =>
    o.source.kind === "header" ? [[o.source.header, o.name] as const] : [],
  );
  const key = (header: string) => (/^[A-Za-z_$][\w$]*$/.test(header) ? header : str(header));
  return {
    statements: "",
    runtime: [],
    constant: "",
    headers: `{ ${headers.map(([header, option]) => `${key(header)}: ${option}`).join(", ")} }`,
    secrets: `[${headers.map(([, option]) => option).join(", ")}]`,
  };
}
