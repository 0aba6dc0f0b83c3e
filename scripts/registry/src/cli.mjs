// @ts-check
// What the long-running commands (`pnpm mock`, `pnpm twin`, `pnpm proxy`, `pnpm start`) share: a --port option, a clear failure, a clean stop.

/**
 * @param {string | undefined} value  the text given to the option
 * @param {string} [option]  its name, for the error
 * @param {boolean} [anyFree]  whether 0 (any free port) is allowed
 * @returns {number | undefined}
 */
export function portOption(value, option = "--port", anyFree = false) {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!(Number.isInteger(port) && port >= (anyFree ? 0 : 1) && port < 65536))
    throw new Error(`${option} must be a port number, got "${value}"`);
  return port;
}

/**
 * @param {string | undefined} value  the text given to the option
 * @param {string} option  its name, for the error
 * @returns {number | undefined}  a whole number >= 0
 */
export function countOption(value, option) {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!(Number.isInteger(count) && count >= 0))
    throw new Error(`${option} must be a whole number >= 0, got "${value}"`);
  return count;
}

/**
 * Runs a command; a failure prints `<name>: <message>` and the usage line, and exits 2.
 * @param {string} name
 * @param {string} usage
 * @param {() => Promise<void>} main
 */
export async function runCommand(name, usage, main) {
  try {
    await main();
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : error}`);
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
}

/**
 * Calls `stop` once, on Ctrl-C or SIGTERM.
 * @param {() => Promise<void>} stop
 */
export function stopOnSignal(stop) {
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** The first line of a multi-line message (an error's stack), for a one-line report. */
export function firstLine(/** @type {string} */ text) {
  return text.split("\n", 1)[0] ?? "";
}
