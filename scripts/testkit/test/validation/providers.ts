import type { Validators } from "@clientele/core/runtime";
import { providers } from "../../src/providers.ts";

export { expectNoDrift } from "../../src/no-drift.ts";

/** Each registry provider's generated validators, by registry id. */
export const validatorsOf: Record<string, Validators> = Object.fromEntries(providers.map((p) => [p.id, p.validators]));
