// @ts-check
// `clientele-twin <provider> [options]`: the command line of the published twins, and of `pnpm twin` in the repo.
// Parsing is separate from running so every bad argument is tested to fail naming its option.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { twinFactories } from "./index.js";

export const USAGE = `clientele-twin <provider> [options]

  <provider>           cubit, onlinewerkrooster, cube4sales or cyclesoftware
  --port N             listen on 127.0.0.1:N (default: a free port)
  --empty              start with no data (default: the vendor document's examples)
  --seed file.json     start with these fixtures instead (the shape of the twin's seed(), see the README)
  --credentials C      cubit: test=KEY,prod=KEY   onlinewerkrooster: APIKEY:CUSTOMERKEY
                       cyclesoftware: USERNAME:PASSWORD   (cube4sales has no authentication)
  --page-size N        cyclesoftware: customers per list page (default 500)
  --minute-limit N     cyclesoftware: requests allowed per minute (default 360)
  --day-limit N        cyclesoftware: requests allowed per day (default 15000)
  --now ISO            a fixed clock, e.g. 2024-01-15T09:00:00Z (the Date header, modification times, limits)
  --max-body-bytes N   refuse larger request bodies with 413 (default 1048576)
  --help               this text`;

const PROVIDERS = Object.keys(twinFactories);

/** A bad command line: the message names the option at fault. */
export class UsageError extends Error {
  /** @override */
  name = "UsageError";
}

/**
 * @typedef {import("./index.js").TwinProvider} TwinProvider
 * @typedef {{ help: true } | { help?: false, provider: TwinProvider, start: import("./index.js").StartOptions<TwinProvider> }} ParsedArgs
 */

/**
 * The twin to start, from the arguments after the command name. Reads the --seed file.
 * @param {string[]} argv
 * @returns {Promise<ParsedArgs>}
 */
export async function parseTwinArgs(argv) {
  /** @type {ReturnType<typeof parse>} */
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    // node:util names the option in its own words ("Unknown option '--x'"); keep them, without its error code.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split(". To specify")[0] ?? message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [name, ...extra] = positionals;
  if (name === undefined) throw new UsageError(`name a provider: ${PROVIDERS.join(", ")}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}": only one provider per twin`);
  if (!PROVIDERS.includes(name)) throw new UsageError(`unknown provider "${name}"; known: ${PROVIDERS.join(", ")}`);
  const provider = /** @type {TwinProvider} */ (name);

  /** @type {Record<string, unknown>} */
  const options = {};
  const cycleOnly = /** @type {const} */ ([
    ["page-size", "pageSize"],
    ["minute-limit", "perMinute"],
    ["day-limit", "perDay"],
  ]);
  for (const [flag, option] of cycleOnly) {
    const value = values[flag];
    if (value === undefined) continue;
    if (provider !== "cyclesoftware") throw new UsageError(`--${flag} is an option of the cyclesoftware twin only`);
    options[option] = count(`--${flag}`, value);
  }
  if (values.credentials !== undefined) Object.assign(options, credentials(provider, values.credentials));

  /** @type {import("./index.js").StartOptions<TwinProvider>} */
  const start = { options: /** @type {any} */ (options) };
  if (values.port !== undefined) start.port = port(values.port);
  if (values["max-body-bytes"] !== undefined) start.maxBodyBytes = count("--max-body-bytes", values["max-body-bytes"]);
  if (values.now !== undefined) {
    const time = Date.parse(values.now);
    if (!/^\d{4}-\d{2}-\d{2}/.test(values.now) || Number.isNaN(time)) {
      throw new UsageError(`--now must be an ISO date-time such as 2024-01-15T09:00:00Z, got "${values.now}"`);
    }
    start.now = () => time;
  }
  if (values.empty && values.seed !== undefined) throw new UsageError("--empty and --seed exclude each other");
  if (values.seed !== undefined) start.seed = await seedFile(values.seed);
  else if (!values.empty) start.seed = true;
  return { provider, start };
}

/** @param {string[]} argv */
function parse(argv) {
  return parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      empty: { type: "boolean" },
      seed: { type: "string" },
      credentials: { type: "string" },
      "page-size": { type: "string" },
      "minute-limit": { type: "string" },
      "day-limit": { type: "string" },
      now: { type: "string" },
      "max-body-bytes": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
    strict: true,
  });
}

/** @param {string} value */
function port(value) {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > 65_535) throw new UsageError(`--port must be a port number, got "${value}"`);
  return number;
}

/** @param {string} flag @param {string} value */
function count(flag, value) {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || !Number.isSafeInteger(number)) {
    throw new UsageError(`${flag} must be a positive integer, got "${value}"`);
  }
  return number;
}

/**
 * @param {TwinProvider} provider
 * @param {string} value
 * @returns {Record<string, unknown>}
 */
function credentials(provider, value) {
  const pair = (/** @type {string} */ what) => {
    const at = value.indexOf(":");
    if (at <= 0 || at === value.length - 1) throw new UsageError(`--credentials for ${provider} must be ${what}`);
    return [value.slice(0, at), value.slice(at + 1)];
  };
  switch (provider) {
    case "cubit": {
      /** @type {Record<string, string>} */
      const apiKeys = {};
      for (const part of value.split(",")) {
        const [environment, key] = [part.slice(0, part.indexOf("=")), part.slice(part.indexOf("=") + 1)];
        if (!["test", "prod"].includes(environment) || !key || part.indexOf("=") < 0) {
          throw new UsageError(`--credentials for cubit must be test=KEY,prod=KEY (either or both), got "${value}"`);
        }
        apiKeys[environment] = key;
      }
      return { apiKeys };
    }
    case "onlinewerkrooster": {
      const [apiKey, customerKey] = pair("APIKEY:CUSTOMERKEY");
      return { apiKey, customerKey };
    }
    case "cyclesoftware": {
      const [username, password] = pair("USERNAME:PASSWORD");
      return { username, password };
    }
    default:
      throw new UsageError("--credentials: the cube4sales twin takes none (its document names no authentication)");
  }
}

/** @param {string} file */
async function seedFile(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`--seed: cannot read ${file} (${/** @type {NodeJS.ErrnoException} */ (error).code})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--seed: ${file} is not JSON (${error instanceof Error ? error.message : error})`);
  }
}
