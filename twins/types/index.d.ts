// The declarations of @clientele/twins (its sources are plain JavaScript run by Node). Records are the generated
// models of the provider packages, the same types the clients send and return. One file serves the ES module and
// the CommonJS build: it imports only the provider packages, which resolve per condition.
import type * as Cube4sales from "@clientele/cube4sales";
import type * as Cubit from "@clientele/cubit";
import type * as CycleSoftware from "@clientele/cyclesoftware";
import type * as Onlinewerkrooster from "@clientele/onlinewerkrooster";

/** What a twin's handler sees of a request: already parsed. */
export interface TwinRequest {
  /** upper case */
  method: string;
  /** the URL path, percent-decoded */
  path: string;
  query: URLSearchParams;
  /** names in lower case */
  headers: Record<string, string | string[] | undefined>;
  /** parsed JSON, the text of any other body, undefined when there is none */
  body: unknown;
  /** why a body sent as JSON could not be parsed */
  bodyError?: string;
}

/** What a handler answers: a string body goes out as text/plain, anything else as JSON. */
export interface TwinResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  type?: string;
}

/** One request as the twin saw it. */
export interface Exchange {
  method: string;
  path: string;
  /** the raw query string, without `?` */
  query: string;
  body: unknown;
  status: number;
}

export interface CubitTwinOptions {
  /** the key of each environment; a key belongs to one (default test-api-key, prod-api-key) */
  apiKeys?: { test?: string; prod?: string };
}
/** Records to upsert per environment, as a client sends them (SocialSecurityNumber included: it is hashed). */
export type CubitFixtures = {
  [E in "test" | "prod"]?: { customers?: Cubit.CustomerUpsert[]; plants?: Cubit.PlantUpsert[] };
};
export interface CubitState {
  test: { customers: Cubit.Customer[]; plants: Cubit.Plant[] };
  prod: { customers: Cubit.Customer[]; plants: Cubit.Plant[] };
}

export interface OnlinewerkroosterTwinOptions {
  /** the `apikey` header it accepts (default demo-apikey) */
  apiKey?: string;
  /** the `CustomerKey` header it accepts (default demo-customerkey) */
  customerKey?: string;
  /** the `companyId` of every answer (default 2) */
  companyId?: number;
}
export interface OnlinewerkroosterFixtures {
  /** customers as a client POSTs them */
  customers?: Onlinewerkrooster.CustomerCreate[];
}
export interface OnlinewerkroosterState {
  /** the created customers: the API has no read endpoint, so tests look here */
  customers: Onlinewerkrooster.CustomerCreated[];
}

export interface Cube4salesTwinOptions {
  /** the clock of the `updated` stamps, in milliseconds */
  now?: () => number;
}
export interface Cube4salesFixtures {
  /** records as a client POSTs them */
  customers?: Cube4sales.CustomerCreate[];
}
export interface Cube4salesState {
  /** every record as the list endpoint shows it */
  customers: Cube4sales.Customer[];
}

export interface CycleSoftwareTwinOptions {
  username?: string;
  password?: string;
  /** requests allowed per minute (documented: 360) */
  perMinute?: number;
  /** requests allowed per day (documented: 15000) */
  perDay?: number;
  /** customers per list page (default 500) */
  pageSize?: number;
  /** `customer_type_id` → `customer_type_name`, for find */
  customerTypes?: Record<string, string>;
  /** the clock, in milliseconds: modification times and rate-limit windows */
  now?: () => number;
}
export interface CycleSoftwareFixtures {
  /** customers with the writable properties and, where given, their ids (kept) */
  customers?: CycleSoftware.CustomerInput[];
}
export interface CycleSoftwareState {
  customers: CycleSoftware.Customer[];
  minuteRemaining: number;
  dayRemaining: number;
}

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

/** Starts the twin of `provider` on 127.0.0.1 and resolves once it listens. */
export function startTwin<P extends TwinProvider>(provider: P, start?: StartOptions<P>): Promise<RunningTwin<P>>;

/** The vendor document's examples as fixtures, from the spec the provider package ships. */
export function loadFixtures<P extends TwinProvider>(provider: P): Promise<FixturesOf<P>>;

export function createCubitTwin(options?: CubitTwinOptions): TwinOf<"cubit">;
export function createOnlinewerkroosterTwin(options?: OnlinewerkroosterTwinOptions): TwinOf<"onlinewerkrooster">;
export function createCube4salesTwin(options?: Cube4salesTwinOptions): TwinOf<"cube4sales">;
export function createCycleSoftwareTwin(options?: CycleSoftwareTwinOptions): TwinOf<"cyclesoftware">;

export const twinFactories: {
  readonly cubit: typeof createCubitTwin;
  readonly onlinewerkrooster: typeof createOnlinewerkroosterTwin;
  readonly cube4sales: typeof createCube4salesTwin;
  readonly cyclesoftware: typeof createCycleSoftwareTwin;
};

/** How to reach each twin with its default credentials. */
export const twinCredentials: Readonly<Record<TwinProvider, string>>;
/** How to reach a twin given these options (its defaults where they say nothing). */
export function describeCredentials(provider: TwinProvider, given?: Record<string, unknown>): string;

export const CUBIT_DEFAULT_KEYS: Readonly<{ test: string; prod: string }>;
export const ONLINEWERKROOSTER_DEFAULTS: Readonly<Required<OnlinewerkroosterTwinOptions>>;
export const CYCLESOFTWARE_DEFAULTS: Readonly<Required<Omit<CycleSoftwareTwinOptions, "now">>>;
export const CUBE4SALES_STANDARD_FIELDS: readonly string[];
