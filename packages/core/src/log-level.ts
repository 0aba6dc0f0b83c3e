import { OptionError } from "./errors.js";
import type { LogEvent, Logger } from "./logger.js";

/** How much a client logs, from everything (`debug`) to nothing (`off`), as Stainless-built SDKs name it. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

const LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "off"];

/** Each event's level: requests and responses are detail, a retry is news, a failed call is an error. */
const LEVEL_OF = { request: 0, response: 0, retry: 1, error: 3 } as const;

/** The environment variable that turns the console logger on without a code change, e.g. `CLIENTELE_LOG=debug`. */
export const LOG_ENV = "CLIENTELE_LOG";

/**
 * The logger a client uses: the caller's, or with none the console at `logLevel` (else `$CLIENTELE_LOG`, else off),
 * passing only events at or above the level. Events are redacted before any logger sees them.
 */
export function resolveLogger(factory: string, logger: Logger | undefined, logLevel: unknown): Logger | undefined {
  let level = checkLevel(factory, "logLevel", logLevel);
  if (level === undefined && !logger)
    level = checkLevel(factory, LOG_ENV, readEnv(), `environment variable ${LOG_ENV}`);
  const min = LEVELS.indexOf(level ?? (logger ? "debug" : "off"));
  if (min === LEVELS.length - 1) return undefined;
  const sink = logger ?? consoleLogger;
  return min === 0 ? sink : (event) => LEVEL_OF[event.type] >= min && sink(event);
}

function checkLevel(factory: string, option: string, value: unknown, label?: string): LogLevel | undefined {
  if (value === undefined || value === "") return undefined;
  if (LEVELS.includes(value as LogLevel)) return value as LogLevel;
  throw new OptionError(factory, option, `must be one of ${LEVELS.map((l) => `"${l}"`).join(", ")}`, label);
}

/** `process.env` where there is one: workerd and browsers have no `process`, Deno may refuse env access. */
function readEnv(): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[LOG_ENV];
  } catch {
    return undefined;
  }
}

/** One line per event on the console method of its level, with the (redacted) event for detail. */
export function consoleLogger(event: LogEvent): void {
  const at = `${event.operationId}: ${event.method} ${event.url}`;
  const line =
    event.type === "request"
      ? `${at} (attempt ${event.attempt + 1})`
      : event.type === "response"
        ? `${at} answered ${event.status} in ${event.ms} ms`
        : event.type === "retry"
          ? `retrying in ${event.delayMs} ms: ${event.message}`
          : event.message;
  const method = (["debug", "info", "warn", "error"] as const)[LEVEL_OF[event.type]] ?? "error";
  console[method](`[clientele] ${line}`, event);
}
