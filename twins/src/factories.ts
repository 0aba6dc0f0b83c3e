// Every twin by provider: adding a twin is one line here and its entry in TwinTypes (twin-types.ts).
import { createCube4salesTwin } from "./cube4sales.js";
import { createCubitTwin } from "./cubit.js";
import { createCycleSoftwareTwin } from "./cyclesoftware.js";
import { createOnlinewerkroosterTwin } from "./onlinewerkrooster.js";
import type { TwinProvider } from "./twin-types.js";

export const twinFactories: {
  readonly cubit: typeof createCubitTwin;
  readonly onlinewerkrooster: typeof createOnlinewerkroosterTwin;
  readonly cube4sales: typeof createCube4salesTwin;
  readonly cyclesoftware: typeof createCycleSoftwareTwin;
} = Object.freeze({
  cubit: createCubitTwin,
  onlinewerkrooster: createOnlinewerkroosterTwin,
  cube4sales: createCube4salesTwin,
  cyclesoftware: createCycleSoftwareTwin,
});

/** The providers that have a twin, in the order of `twinFactories`. */
export const TWIN_PROVIDERS = Object.keys(twinFactories) as TwinProvider[];
