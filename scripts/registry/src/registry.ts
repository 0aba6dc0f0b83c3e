import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseYaml } from "./yaml.ts";

export interface Provider {
  /** the key before `@` in redocly.yaml's `apis:`; also the package folder name */
  id: string;
  /** the spec path, relative to the repository root */
  spec: string;
  /** the package folder, relative to the repository root */
  packageDir: string;
  /** name-level choices for the generated factory the spec cannot carry (`x-client` in the registry entry) */
  client?: { name?: string };
}

/** The providers, in registry order, from redocly.yaml: the one list every script works from. */
export async function readRegistry(root: string): Promise<Provider[]> {
  const config: unknown = parseYaml(await readFile(join(root, "redocly.yaml"), "utf8"));
  const apis = config && typeof config === "object" && "apis" in config ? config.apis : undefined;
  if (!apis || typeof apis !== "object") throw new Error("redocly.yaml: no `apis:` section");
  return Object.entries(apis).map(([key, api]: [string, { root?: unknown; "x-client"?: unknown } | undefined]) => {
    const id = key.split("@")[0] ?? key;
    if (typeof api?.root !== "string") throw new Error(`redocly.yaml: apis.${key} has no root`);
    const client = api["x-client"];
    if (client !== undefined && (typeof client !== "object" || client === null)) {
      throw new Error(`redocly.yaml: apis.${key}.x-client must be a mapping (e.g. { name: CycleSoftware })`);
    }
    return {
      id,
      spec: api.root,
      packageDir: join("packages", id),
      ...(client && { client: client as { name?: string } }),
    };
  });
}

export function findProvider(providers: Provider[], id: string | undefined): Provider {
  const provider = providers.find((p) => p.id === id);
  if (!provider) {
    const known = providers.map((p) => p.id).join(", ");
    throw new Error(id ? `unknown provider "${id}"; known: ${known}` : `name a provider: ${known}`);
  }
  return provider;
}
