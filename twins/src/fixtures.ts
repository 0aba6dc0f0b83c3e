// Seed data: the vendor documents' own examples, read from the specs' named examples (where they were copied as
// printed), so `clientele-twin <provider>` starts with the records the documentation talks about. The spec is the
// one the provider package ships (`@clientele/<provider>/openapi.yaml`): the very spec its client was generated from.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { CustomerCreate as Cube4salesCustomerCreate } from "@clientele/cube4sales";
import type { CustomerUpsert } from "@clientele/cubit";
import type { CustomerInput } from "@clientele/cyclesoftware";
import type { CustomerCreate as OnlinewerkroosterCustomerCreate } from "@clientele/onlinewerkrooster";
import { parse } from "yaml";
import type { FixturesOf, TwinProvider } from "./twin-types.js";
import { isRecord } from "./validate.js";

const require = createRequire(import.meta.url);

/** The value of the spec's named example; the spec's lint checks each against the schema named here. */
type Example = (name: string) => unknown;

/** Each twin's seed, built from the spec's named examples (`components.examples`). */
const SEEDS: { [P in TwinProvider]: (example: Example) => FixturesOf<P> } = {
  cubit: (example) => ({ test: { customers: [example("CustomerUpsertRequest") as CustomerUpsert] } }),
  onlinewerkrooster: (example) => ({
    customers: [example("CreateCustomerRequest") as OnlinewerkroosterCustomerCreate],
  }),
  cube4sales: (example) => ({ customers: example("CustomersOfAssignment9") as Cube4salesCustomerCreate[] }),
  cyclesoftware: (example) => ({
    customers: [
      ...(example("FindCustomersByPhoneNumberResponse") as CustomerInput[]),
      example("GetCustomer1006Response") as CustomerInput,
    ],
  }),
};

/** The document's examples as fixtures for `provider`'s twin: what `startTwin(provider, { seed: true })` loads. */
export async function loadFixtures<P extends TwinProvider>(provider: P): Promise<FixturesOf<P>> {
  if (!Object.hasOwn(SEEDS, provider)) throw new TypeError(`loadFixtures: no fixtures for "${provider}"`);
  // Parsing a spec takes a while; tests that reseed often read it once. Each caller gets its own copy.
  let loaded = cache.get(provider);
  if (!loaded) {
    loaded = readFixtures(provider, SEEDS[provider]);
    cache.set(provider, loaded);
    loaded.catch(() => cache.delete(provider));
  }
  return structuredClone(await loaded) as FixturesOf<P>;
}

const cache = new Map<TwinProvider, Promise<FixturesOf<TwinProvider>>>();

async function readFixtures<P extends TwinProvider>(
  provider: P,
  seed: (example: Example) => FixturesOf<P>,
): Promise<FixturesOf<P>> {
  const spec = `@clientele/${provider}/openapi.yaml`;
  const document: unknown = parse(await readFile(require.resolve(spec), "utf8"));
  const components: Record<string, unknown> =
    isRecord(document) && isRecord(document.components) ? document.components : {};
  const examples = isRecord(components.examples) ? components.examples : {};
  return seed((name) => {
    const example = examples[name];
    if (!isRecord(example)) throw new Error(`${spec} has no example "${name}" to seed the ${provider} twin with`);
    return example.value;
  });
}
