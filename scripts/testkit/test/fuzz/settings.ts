/** The seed `pnpm test` always uses, so a failure there reproduces exactly. */
export const DEFAULT_SEED = 20_261_129;
/** Per operation and property: enough to touch every input kind in a few seconds. `pnpm fuzz` raises it. */
export const DEFAULT_RUNS = 20;

export interface FuzzSettings {
  seed: number;
  runs: number;
}

/** Reads FUZZ_SEED and FUZZ_RUNS; a bad value is an error naming the variable, never a silent default. */
export function fuzzSettings(env: Record<string, string | undefined>): FuzzSettings {
  const read = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < min) {
      throw new Error(`${name} must be a whole number ≥ ${min}; got ${JSON.stringify(raw)}`);
    }
    return value;
  };
  return { seed: read("FUZZ_SEED", DEFAULT_SEED, -(2 ** 31)), runs: read("FUZZ_RUNS", DEFAULT_RUNS, 1) };
}
