// What the long-running commands (`pnpm mock`, `pnpm twin`, `pnpm proxy`, `pnpm start`) share: a --port option, a clear failure, a clean stop.

/** `value`: the text given to the option; `anyFree`: whether 0 (any free port) is allowed. */
export function portOption(value: string | undefined, option = "--port", anyFree = false): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!(Number.isInteger(port) && port >= (anyFree ? 0 : 1) && port < 65536))
    throw new Error(`${option} must be a port number, got "${value}"`);
  return port;
}

/** A whole number >= 0 from the text given to `option`. */
export function countOption(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!(Number.isInteger(count) && count >= 0))
    throw new Error(`${option} must be a whole number >= 0, got "${value}"`);
  return count;
}

/** Runs a command; a failure prints `<name>: <message>` and the usage line, and exits 2. */
export async function runCommand(name: string, usage: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : error}`);
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
}

/** Calls `stop` once, on Ctrl-C or SIGTERM. */
export function stopOnSignal(stop: () => Promise<void>): void {
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** The first line of a multi-line message (an error's stack), for a one-line report. */
export function firstLine(text: string): string {
  return text.split("\n", 1)[0] ?? "";
}
