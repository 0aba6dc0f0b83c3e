// @ts-check
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";

/**
 * @typedef {object} Provider
 * @property {string} id         the key before `@` in redocly.yaml's `apis:`; also the package folder name
 * @property {string} spec       the spec path, relative to the repository root
 * @property {string} packageDir the package folder, relative to the repository root
 * @property {{ name?: string }} [client] name-level choices for the generated factory (`x-client` in the entry)
 */

/**
 * The providers, in registry order, from redocly.yaml: the one list every script works from.
 * @param {string} root
 * @returns {Promise<Provider[]>}
 */
export async function readRegistry(root) {
  const config = parse(await readFile(join(root, "redocly.yaml"), "utf8"));
  const apis = config?.apis;
  if (!apis || typeof apis !== "object") throw new Error("redocly.yaml: no `apis:` section");
  return Object.entries(apis).map(([key, api]) => {
    const id = key.split("@")[0] ?? key;
    if (typeof api?.root !== "string") throw new Error(`redocly.yaml: apis.${key} has no root`);
    return {
      id,
      spec: api.root,
      packageDir: join("packages", id),
      ...(api["x-client"] && { client: api["x-client"] }),
    };
  });
}

/**
 * @param {Provider[]} providers
 * @param {string | undefined} id
 */
export function findProvider(providers, id) {
  const provider = providers.find((p) => p.id === id);
  if (!provider) {
    const known = providers.map((p) => p.id).join(", ");
    throw new Error(id ? `unknown provider "${id}"; known: ${known}` : `name a provider: ${known}`);
  }
  return provider;
}
