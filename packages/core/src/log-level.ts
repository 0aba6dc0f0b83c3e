import { at, OptionError } from "./errors.js";
import type { LogEvent, Logger } from "./logger.js";

/** How much a client logs, from everything (`debug`) to nothing (`off`), as Stainless-built SDKs name it. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

const LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "off"];

/**
 * Each event's level: requests and responses are detail, a retry is news, a response that left its spec is a
 * warning, a failed call is an error.
 */
const LEVEL_OF = { request: 0, response: 0, retry: 1, drift: 2, error: 3 } as const;

/**
 * The logger a client uses: the caller's, or with none the console at `logLevel` (else `$CLIENTELE_LOG`, else off),
 * passing only events at or above the level. Events are redacted before any logger sees them.
 */
export function resolveLogger(factory: string, logger: Logger | undefined, logLevel: unknown): Logger | undefined {
  let name = checkLevel(factory, "logLevel", logLevel) ?? (logger && "debug");
  if (!name) {
    // CLIENTELE_LOG turns the console logger on without a code change (`CLIENTELE_LOG=debug`). It is read from
    // `process.env` where there is one (workerd and browsers have none, Deno may refuse env access), and only here,
    // with neither logLevel nor a logger.
    let env: string | undefined;
    try {
      env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.CLIENTELE_LOG;
    } catch {}
    name = checkLevel(factory, "CLIENTELE_LOG", env, "environment variable CLIENTELE_LOG") ?? "off";
  }
  if (name === "off") return undefined;
  const level = LEVELS.indexOf(name);
  // Wrapped even at "debug", where every event passes: one path for every level.
  return (event) => LEVEL_OF[event.type] >= level && (logger ?? consoleLogger)(event);
}

function checkLevel(factory: string, option: string, value: unknown, label?: string): LogLevel | undefined {
  if (value === undefined || value === "") return undefined;
  if (LEVELS.includes(value as LogLevel)) return value as LogLevel;
  throw new OptionError(factory, option, `must be one of ${LEVELS.map((l) => `"${l}"`).join(", ")}`, label);
}

/** One line per event on the console method of its level, with the (redacted) event for detail. */
export function consoleLogger(event: LogEvent): void {
  const line =
    event.type === "retry"
      ? `retrying in ${event.delayMs} ms: ${event.message}`
      : event.type === "error"
        ? event.message
        : event.type === "drift"
          ? `drift: ${event.report.message}`
          : event.type === "request"
            ? `${at(event)} (attempt ${event.attempt + 1})`
            : `${at(event)} answered ${event.status} in ${event.ms} ms`;
  console[LEVELS[LEVEL_OF[event.type]] as "debug"](`[clientele] ${line}`, event);
}
