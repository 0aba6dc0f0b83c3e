// The twins: one stateful in-memory server per provider, answering as the vendor's document says it does.
import { describeCredentials } from "./credentials.js";
import { TWIN_PROVIDERS as PROVIDERS, twinFactories } from "./factories.js";
import { loadFixtures } from "./fixtures.js";
import { serve } from "./http.js";
import type { Exchange } from "./http-types.js";
import type { RunningTwin, StartOptions, TwinOf, TwinOptionsOf, TwinProvider } from "./twin-types.js";
import { positiveInteger, requireObject } from "./validate.js";

export { describeCredentials } from "./credentials.js";
export {
  CUBE4SALES_STANDARD_FIELDS,
  type Cube4salesFixtures,
  type Cube4salesState,
  type Cube4salesTwinOptions,
  createCube4salesTwin,
} from "./cube4sales.js";
export {
  CUBIT_DEFAULT_KEYS,
  type CubitFixtures,
  type CubitState,
  type CubitTwinOptions,
  createCubitTwin,
} from "./cubit.js";
export {
  CYCLESOFTWARE_DEFAULTS,
  type CycleSoftwareFixtures,
  type CycleSoftwareState,
  type CycleSoftwareTwinOptions,
  createCycleSoftwareTwin,
} from "./cyclesoftware.js";
export { twinFactories } from "./factories.js";
export { loadFixtures } from "./fixtures.js";
export type { Exchange, TwinRequest, TwinResponse } from "./http-types.js";
export {
  createOnlinewerkroosterTwin,
  ONLINEWERKROOSTER_DEFAULTS,
  type OnlinewerkroosterFixtures,
  type OnlinewerkroosterState,
  type OnlinewerkroosterTwinOptions,
} from "./onlinewerkrooster.js";
export type {
  FixturesOf,
  RunningTwin,
  StartOptions,
  Twin,
  TwinOf,
  TwinOptionsOf,
  TwinProvider,
  TwinTypes,
} from "./twin-types.js";

/** How to reach each twin with its default credentials: what `pnpm twin` and `pnpm start` print. */
export const twinCredentials: Readonly<Record<TwinProvider, string>> = Object.freeze(
  Object.fromEntries(PROVIDERS.map((provider) => [provider, describeCredentials(provider)])) as Record<
    TwinProvider,
    string
  >,
);

const START_OPTIONS = ["port", "seed", "now", "options", "maxBodyBytes", "maxExchanges"];
const DEFAULT_MAX_EXCHANGES = 1000;

/** Starts the twin of `provider` on 127.0.0.1 and resolves once it listens. */
export async function startTwin<P extends TwinProvider>(
  provider: P,
  start: StartOptions<P> = {},
): Promise<RunningTwin<P>> {
  if (!Object.hasOwn(twinFactories, provider)) {
    throw new TypeError(`startTwin: unknown provider "${provider}"; known: ${PROVIDERS.join(", ")}`);
  }
  requireObject(start, "startTwin: the second argument must be an options object");
  for (const name of Object.keys(start)) {
    if (!START_OPTIONS.includes(name)) {
      throw new TypeError(`startTwin: "${name}" is not an option; known: ${START_OPTIONS.join(", ")}`);
    }
  }
  for (const name of ["maxBodyBytes", "maxExchanges"] as const) {
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
  const options: Record<string, unknown> = { ...start.options };
  // Only the twins that keep time take a clock; the others use it for the Date header alone.
  if (provider === "cyclesoftware" || provider === "cube4sales") options.now ??= now;
  const factories: { [Q in TwinProvider]: (options?: TwinOptionsOf<Q>) => TwinOf<Q> } = twinFactories;
  const twin = factories[provider](options as TwinOptionsOf<P>);
  if (start.seed !== undefined) twin.seed(start.seed === true ? await loadFixtures(provider) : start.seed);
  const exchanges: Exchange[] = [];
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
