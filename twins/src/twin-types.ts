// The shape every twin has, and each provider's options, fixtures and state by name: what `startTwin` and the CLI
// are typed with. Fixtures and state are the provider packages' generated models (see each twin's module).
import type { Cube4salesFixtures, Cube4salesState, Cube4salesTwinOptions } from "./cube4sales.js";
import type { CubitFixtures, CubitState, CubitTwinOptions } from "./cubit.js";
import type { CycleSoftwareFixtures, CycleSoftwareState, CycleSoftwareTwinOptions } from "./cyclesoftware.js";
import type { Exchange, TwinRequest, TwinResponse } from "./http-types.js";
import type {
  OnlinewerkroosterFixtures,
  OnlinewerkroosterState,
  OnlinewerkroosterTwinOptions,
} from "./onlinewerkrooster.js";

/** A twin without a server: its handler and state. `startTwin` serves one. */
export interface Twin<P extends TwinProvider, Fixtures, State> {
  provider: P;
  handle(request: TwinRequest): TwinResponse;
  /** empties the state */
  reset(): void;
  /** adds records, checked as the API checks them; throws a TypeError naming the record at fault */
  seed(fixtures: Fixtures): void;
  /** what the twin holds, as copies, for assertions */
  state(): State;
}

export interface TwinTypes {
  cubit: { options: CubitTwinOptions; fixtures: CubitFixtures; state: CubitState };
  onlinewerkrooster: {
    options: OnlinewerkroosterTwinOptions;
    fixtures: OnlinewerkroosterFixtures;
    state: OnlinewerkroosterState;
  };
  cube4sales: { options: Cube4salesTwinOptions; fixtures: Cube4salesFixtures; state: Cube4salesState };
  cyclesoftware: { options: CycleSoftwareTwinOptions; fixtures: CycleSoftwareFixtures; state: CycleSoftwareState };
}
export type TwinProvider = keyof TwinTypes;
export type TwinOf<P extends TwinProvider> = Twin<P, TwinTypes[P]["fixtures"], TwinTypes[P]["state"]>;
export type TwinOptionsOf<P extends TwinProvider> = TwinTypes[P]["options"];
export type FixturesOf<P extends TwinProvider> = TwinTypes[P]["fixtures"];

export interface StartOptions<P extends TwinProvider> {
  /** 0 or absent: a free port; always on 127.0.0.1 */
  port?: number;
  /** fixtures to start with; `true` for the vendor document's examples */
  seed?: FixturesOf<P> | true;
  /** the clock of the Date header (and of the twin, where it keeps time), in milliseconds */
  now?: () => number;
  /** the provider's own options (credentials, limits, page size) */
  options?: TwinOptionsOf<P>;
  /** a larger request body is refused with 413, unread (default 1 MiB) */
  maxBodyBytes?: number;
  /** how many exchanges `exchanges` keeps, the latest (default 1000) */
  maxExchanges?: number;
}

export type RunningTwin<P extends TwinProvider> = TwinOf<P> & {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** the latest requests the twin answered, oldest first (at most `maxExchanges`) */
  exchanges: Exchange[];
  /** empties the state and the exchange log */
  reset(): void;
  stop(): Promise<void>;
};
