// @ts-check
// Seed data: the vendor documents' own examples, read from the specs' named examples (where they were copied as
// printed), so `clientele-twin <provider>` starts with the records the documentation talks about. The spec is the
// one the provider package ships (`@clientele/<provider>/openapi.yaml`): the very spec its client was generated from.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { parse } from "yaml";

const require = createRequire(import.meta.url);

/**
 * Each twin's seed, built from the spec's named examples (`components.examples`).
 * @type {Record<string, (example: (name: string) => any) => object>}
 */
const SEEDS = {
  cubit: (example) => ({ test: { customers: [example("CustomerUpsertRequest")] } }),
  onlinewerkrooster: (example) => ({ customers: [example("CreateCustomerRequest")] }),
  cube4sales: (example) => ({ customers: example("CustomersOfAssignment9") }),
  cyclesoftware: (example) => ({
    customers: [...example("FindCustomersByPhoneNumberResponse"), example("GetCustomer1006Response")],
  }),
};

/**
 * The document's examples as fixtures for `provider`'s twin: what `startTwin(provider, { seed: true })` loads.
 * @param {string} provider
 * @returns {Promise<any>}
 */
export async function loadFixtures(provider) {
  const seed = SEEDS[provider];
  if (!seed) throw new TypeError(`loadFixtures: no fixtures for "${provider}"`);
  // Parsing a spec takes a while; tests that reseed often read it once. Each caller gets its own copy.
  let loaded = cache.get(provider);
  if (!loaded) {
    loaded = readFixtures(provider, seed);
    cache.set(provider, loaded);
    loaded.catch(() => cache.delete(provider));
  }
  return structuredClone(await loaded);
}

/** @type {Map<string, Promise<object>>} */
const cache = new Map();

/**
 * @param {string} provider
 * @param {(example: (name: string) => any) => object} seed
 */
async function readFixtures(provider, seed) {
  const spec = `@clientele/${provider}/openapi.yaml`;
  const examples = parse(await readFile(require.resolve(spec), "utf8"))?.components?.examples ?? {};
  return seed((name) => {
    if (!examples[name]) throw new Error(`${spec} has no example "${name}" to seed the ${provider} twin with`);
    return examples[name].value;
  });
}
