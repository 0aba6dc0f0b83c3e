// A test suite's use of the twins, type-checked against the shipped declarations with the providers' own: per
// provider that has a twin, start it seeded with the vendor's examples, point the provider's client at it, and read
// its state and exchanges as typed values.
import type { SmokeRun } from "./consumer.ts";

/**
 * The consumer code, one function per provider with a twin.
 * @param runs the smoke runs of the registry's providers (package name and factory)
 * @param twinIds the providers the twins package has a twin of
 */
export function twinsConsumer(runs: (SmokeRun & { id: string })[], twinIds: readonly string[]): string[] {
  const withTwin = runs.filter((run) => twinIds.includes(run.id));
  if (withTwin.length === 0) return [];
  return [
    'import { loadFixtures, startTwin, type TwinTypes } from "@clientele/twins";',
    ...withTwin.flatMap(({ id, name, smoke }, i) => {
      const provider = JSON.stringify(id);
      return [
        `import * as twinClient${i} from ${JSON.stringify(name)};`,
        `export async function useTwin${i}() {`,
        `  const twin = await startTwin(${provider}, { seed: await loadFixtures(${provider}), maxExchanges: 10 });`,
        `  const client = twinClient${i}.${smoke.client}({ ...${JSON.stringify(smoke.options)}, baseUrl: twin.url });`,
        `  const state: TwinTypes[${provider}]["state"] = twin.state();`,
        "  const statuses: number[] = twin.exchanges.map((e) => e.status);",
        "  await twin.stop();",
        "  return { client, state, statuses };",
        "}",
      ];
    }),
  ];
}
