// `clientele-twin <provider> [options]`: the command line of the published twins, and of `pnpm twin` in the repo.
// Parsing is separate from running so every bad argument is tested to fail naming its option.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parseCredentials } from "./cli-credentials.js";
import { UsageError } from "./cli-usage.js";
import { TWIN_PROVIDERS as PROVIDERS } from "./factories.js";
import type { FixturesOf, StartOptions, TwinOptionsOf, TwinProvider } from "./twin-types.js";

export { USAGE, UsageError } from "./cli-usage.js";

const isProvider = (name: string): name is TwinProvider => (PROVIDERS as string[]).includes(name);

export type ParsedArgs = { help: true } | { help?: false; provider: TwinProvider; start: StartOptions<TwinProvider> };

/** The twin to start, from the arguments after the command name. Reads the --seed file. */
export async function parseTwinArgs(argv: string[]): Promise<ParsedArgs> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // node:util names the option in its own words ("Unknown option '--x'"); keep them, without its error code.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split(". To specify")[0] ?? message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [provider, ...extra] = positionals;
  if (provider === undefined) throw new UsageError(`name a provider: ${PROVIDERS.join(", ")}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}": only one provider per twin`);
  if (!isProvider(provider)) throw new UsageError(`unknown provider "${provider}"; known: ${PROVIDERS.join(", ")}`);

  const options: Record<string, unknown> = {};
  const cycleOnly = [
    ["page-size", "pageSize"],
    ["minute-limit", "perMinute"],
    ["day-limit", "perDay"],
  ] as const;
  for (const [flag, option] of cycleOnly) {
    const value = values[flag];
    if (value === undefined) continue;
    if (provider !== "cyclesoftware") throw new UsageError(`--${flag} is an option of the cyclesoftware twin only`);
    options[option] = count(`--${flag}`, value);
  }
  if (values.credentials !== undefined) Object.assign(options, parseCredentials(provider, values.credentials));

  // The twin's factory checks its options again, naming any at fault.
  const start: StartOptions<TwinProvider> = { options: options as TwinOptionsOf<TwinProvider> };
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

function parse(argv: string[]) {
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

function port(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > 65_535) throw new UsageError(`--port must be a port number, got "${value}"`);
  return number;
}

function count(flag: string, value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || !Number.isSafeInteger(number)) {
    throw new UsageError(`${flag} must be a positive integer, got "${value}"`);
  }
  return number;
}

/** The fixtures in `file`, as JSON; the twin's seed() checks them as the API would. */
async function seedFile(file: string): Promise<FixturesOf<TwinProvider>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`--seed: cannot read ${file} (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--seed: ${file} is not JSON (${error instanceof Error ? error.message : error})`);
  }
}
