// @ts-check
// The twins: one stateful in-memory server per provider, answering as the vendor's document says it does.

import { describeCredentials } from "./credentials.js";
import { createCube4salesTwin } from "./cube4sales.js";
import { createCubitTwin } from "./cubit.js";
import { createCycleSoftwareTwin } from "./cyclesoftware.js";
import { loadFixtures } from "./fixtures.js";
import { serve } from "./http.js";
import { createOnlinewerkroosterTwin } from "./onlinewerkrooster.js";
import { isRecord, positiveInteger } from "./validate.js";

export { describeCredentials } from "./credentials.js";
export { CUBE4SALES_STANDARD_FIELDS, createCube4salesTwin } from "./cube4sales.js";
export { CUBIT_DEFAULT_KEYS, createCubitTwin } from "./cubit.js";
export { CYCLESOFTWARE_DEFAULTS, createCycleSoftwareTwin } from "./cyclesoftware.js";
export { loadFixtures } from "./fixtures.js";
export { createOnlinewerkroosterTwin, ONLINEWERKROOSTER_DEFAULTS } from "./onlinewerkrooster.js";

/** How to reach each twin with its default credentials: what `pnpm twin` and `pnpm start` print. */
export const twinCredentials = Object.freeze({
  cubit: describeCredentials("cubit"),
  onlinewerkrooster: describeCredentials("onlinewerkrooster"),
  cube4sales: describeCredentials("cube4sales"),
  cyclesoftware: describeCredentials("cyclesoftware"),
});

export const twinFactories = Object.freeze({
  cubit: createCubitTwin,
  onlinewerkrooster: createOnlinewerkroosterTwin,
  cube4sales: createCube4salesTwin,
  cyclesoftware: createCycleSoftwareTwin,
});

/** @typedef {typeof twinFactories} TwinFactories */
/** @typedef {keyof TwinFactories} TwinProvider */
/** @template {TwinProvider} P @typedef {ReturnType<TwinFactories[P]>} TwinOf */
/** @template {TwinProvider} P @typedef {NonNullable<Parameters<TwinFactories[P]>[0]>} TwinOptionsOf */
/** @template {TwinProvider} P @typedef {Parameters<TwinOf<P>["seed"]>[0]} FixturesOf */

/**
 * @template {TwinProvider} P
 * @typedef {object} StartOptions
 * @property {number} [port]    0 or absent: a free port
 * @property {FixturesOf<P> | true} [seed]  fixtures to start with; `true` for the vendor document's examples
 * @property {() => number} [now]  the clock of the Date header (and of the twin, where it keeps time)
 * @property {TwinOptionsOf<P>} [options]  the provider's own options (credentials, limits, page size)
 * @property {number} [maxBodyBytes]  a larger request body is refused with 413, unread (default 1 MiB)
 * @property {number} [maxExchanges]  how many exchanges `exchanges` keeps, the latest (default 1000)
 */

/**
 * @template {TwinProvider} P
 * @typedef {TwinOf<P> & { url: string, exchanges: import("./http.js").Exchange[], stop: () => Promise<void> }} RunningTwin
 * `reset()` empties the state and the exchange log; `exchanges` lists the latest requests the twin answered (at most `maxExchanges`).
 */

const START_OPTIONS = ["port", "seed", "now", "options", "maxBodyBytes", "maxExchanges"];
const DEFAULT_MAX_EXCHANGES = 1000;

/**
 * Starts the twin of `provider` on 127.0.0.1 and resolves once it listens.
 * @template {TwinProvider} P
 * @param {P} provider
 * @param {StartOptions<P>} [start]
 * @returns {Promise<RunningTwin<P>>}
 */
export async function startTwin(provider, start = {}) {
  const create = twinFactories[provider];
  if (!create) {
    throw new TypeError(`startTwin: unknown provider "${provider}"; known: ${Object.keys(twinFactories).join(", ")}`);
  }
  if (!isRecord(start)) throw new TypeError("startTwin: the second argument must be an options object");
  for (const name of Object.keys(start)) {
    if (!START_OPTIONS.includes(name)) {
      throw new TypeError(`startTwin: "${name}" is not an option; known: ${START_OPTIONS.join(", ")}`);
    }
  }
  for (const name of /** @type {const} */ (["maxBodyBytes", "maxExchanges"])) {
    const problem = start[name] === undefined ? undefined : positiveInteger(start[name]);
    if (problem) throw new TypeError(`startTwin: option "${name}" ${problem}, got ${start[name]}`);
  }
  if (start.now !== undefined && typeof start.now !== "function") {
    throw new TypeError('startTwin: option "now" must be a function returning the time in milliseconds');
  }
  if (start.port !== undefined && start.port !== 0 && (positiveInteger(start.port) || start.port > 65_535)) {
    throw new TypeError(`startTwin: option "port" must be a port number, got ${start.port}`);
  }
  const now = start.now ?? Date.now;
  const options = /** @type {Record<string, unknown>} */ ({ ...start.options });
  // Only the twins that keep time take a clock; the others use it for the Date header alone.
  if (provider === "cyclesoftware" || provider === "cube4sales") options.now ??= now;
  const twin = /** @type {TwinOf<P>} */ (/** @type {(o: unknown) => unknown} */ (create)(options));
  if (start.seed !== undefined) {
    /** @type {(f: unknown) => void} */ (twin.seed)(start.seed === true ? await loadFixtures(provider) : start.seed);
  }
  /** @type {import("./http.js").Exchange[]} */
  const exchanges = [];
  const maxExchanges = start.maxExchanges ?? DEFAULT_MAX_EXCHANGES;
  const server = await serve((request) => twin.handle(request), {
    port: start.port,
    now,
    maxBodyBytes: start.maxBodyBytes,
    onExchange: (exchange) => {
      // A long-running twin (`pnpm start`) must not keep every body it was sent.
      if (exchanges.push(exchange) > maxExchanges) exchanges.splice(0, exchanges.length - maxExchanges);
    },
  });
  const reset = twin.reset;
  return Object.assign(twin, {
    url: server.url,
    exchanges,
    reset() {
      reset();
      exchanges.length = 0;
    },
    stop: server.close,
  });
}
