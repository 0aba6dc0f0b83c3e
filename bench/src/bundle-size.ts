import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export type App = "clientele transport + function" | "clientele full client" | "@hey-api/openapi-ts" | "openapi-fetch";

export interface BundleResult {
  provider: string;
  /** The one call every app makes. */
  call: string;
  sizes: Record<App, { minified: number; gzipped: number }>;
  /** Minified bytes each source file adds to the transport + function app, e.g. `core/src/transport.ts`. */
  composition: Record<string, number>;
}

interface OneCallApp {
  provider: string;
  call: string;
  apps: (heyApi: string) => Record<App, string>;
}

const q = JSON.stringify;

/** One app per provider and way of calling: build the client from credentials, make one call, print the result. */
export const oneCallApps: OneCallApp[] = [
  {
    provider: "cubit",
    call: "getCustomer",
    apps: (heyApi) => ({
      "clientele transport + function": `import { createCubitTransport, getCustomer } from "@clientele/cubit";
const transport = createCubitTransport({ apiKey: "KEY", environment: "test" });
getCustomer(transport, "1234567").then(console.log);`,
      "clientele full client": `import { createCubitClient } from "@clientele/cubit";
createCubitClient({ apiKey: "KEY", environment: "test" }).getCustomer("1234567").then(console.log);`,
      "@hey-api/openapi-ts": `import { client } from ${q(`${heyApi}/client.gen`)};
import { getCustomer } from ${q(`${heyApi}/sdk.gen`)};
client.setConfig({ auth: () => "KEY" });
getCustomer({ path: { number: "1234567" } }).then((r) => console.log(r.data));`,
      "openapi-fetch": `import createClient from "openapi-fetch";
const client = createClient({ baseUrl: "https://plants.cubit.no", headers: { "api-key": "KEY" } });
client.GET("/api/customer/{number}", { params: { path: { number: "1234567" } } }).then((r) => console.log(r.data));`,
    }),
  },
  {
    provider: "onlinewerkrooster",
    call: "createCustomer",
    apps: (heyApi) => {
      const body = `{ extCustomerId: 1001, extCustomerNumber: "1001", enterpriseNumber: "BE01234567899", name: "OWR.GG.1001", address: { city: "Lommel" } }`;
      return {
        "clientele transport + function": `import { createOnlinewerkroosterTransport, createCustomer } from "@clientele/onlinewerkrooster";
const transport = createOnlinewerkroosterTransport({ apiKey: "KEY", customerKey: "CKEY", environment: "dev" });
createCustomer(transport, ${body}).then(console.log);`,
        "clientele full client": `import { createOnlinewerkroosterClient } from "@clientele/onlinewerkrooster";
createOnlinewerkroosterClient({ apiKey: "KEY", customerKey: "CKEY", environment: "dev" }).createCustomer(${body}).then(console.log);`,
        "@hey-api/openapi-ts": `import { client } from ${q(`${heyApi}/client.gen`)};
import { createCustomer } from ${q(`${heyApi}/sdk.gen`)};
client.setConfig({ baseUrl: "https://owr-public-services-dev.herokuapp.com", auth: (a) => (a.name === "apikey" ? "KEY" : "CKEY") });
createCustomer({ body: ${body} }).then((r) => console.log(r.data));`,
        "openapi-fetch": `import createClient from "openapi-fetch";
const client = createClient({ baseUrl: "https://owr-public-services-dev.herokuapp.com", headers: { apikey: "KEY", CustomerKey: "CKEY" } });
client.POST("/api/customers", { body: ${body} }).then((r) => console.log(r.data));`,
      };
    },
  },
  {
    provider: "cube4sales",
    call: "listCustomers",
    apps: (heyApi) => ({
      "clientele transport + function": `import { createCube4salesTransport, listCustomers } from "@clientele/cube4sales";
const transport = createCube4salesTransport({ account: "youraccount", headers: { authorization: "Bearer T" } });
listCustomers(transport, { assignment_id: 9 }).then(console.log);`,
      "clientele full client": `import { createCube4salesClient } from "@clientele/cube4sales";
createCube4salesClient({ account: "youraccount", headers: { authorization: "Bearer T" } }).listCustomers({ assignment_id: 9 }).then(console.log);`,
      "@hey-api/openapi-ts": `import { client } from ${q(`${heyApi}/client.gen`)};
import { listCustomers } from ${q(`${heyApi}/sdk.gen`)};
client.setConfig({ baseUrl: "https://youraccount.cube4sales.com", headers: { authorization: "Bearer T" } });
listCustomers({ query: { assignment_id: 9 } }).then((r) => console.log(r.data));`,
      "openapi-fetch": `import createClient from "openapi-fetch";
const client = createClient({ baseUrl: "https://youraccount.cube4sales.com", headers: { authorization: "Bearer T" } });
client.GET("/crm/customers", { params: { query: { assignment_id: 9 } } }).then((r) => console.log(r.data));`,
    }),
  },
  {
    provider: "cyclesoftware",
    call: "getCustomer",
    apps: (heyApi) => ({
      "clientele transport + function": `import { createCycleSoftwareTransport, getCustomer } from "@clientele/cyclesoftware";
const transport = createCycleSoftwareTransport({ username: "USER", password: "PASS" });
getCustomer(transport, 1006).then(console.log);`,
      "clientele full client": `import { createCycleSoftwareClient } from "@clientele/cyclesoftware";
createCycleSoftwareClient({ username: "USER", password: "PASS" }).getCustomer(1006).then(console.log);`,
      "@hey-api/openapi-ts": `import { client } from ${q(`${heyApi}/client.gen`)};
import { getCustomer } from ${q(`${heyApi}/sdk.gen`)};
client.setConfig({ auth: () => "USER:PASS" });
getCustomer({ path: { customer_id: 1006 } }).then((r) => console.log(r.data));`,
      "openapi-fetch": `import createClient from "openapi-fetch";
const client = createClient({ baseUrl: "https://api.cyclesoftware.nl", headers: { authorization: "Basic " + btoa("USER:PASS") } });
client.GET("/api/v1/customers/{customer_id}.json", { params: { path: { customer_id: 1006 } } }).then((r) => console.log(r.data));`,
    }),
  },
];

/** A one-call app of another generator's SDK, over its own API: what its runtime costs an app, for scale. */
export interface ReferenceResult {
  sdk: string;
  call: string;
  minified: number;
  gzipped: number;
}

/**
 * Stainless builds SDKs with the behaviour ours is held to (retries, timeouts, typed errors per status, logging);
 * its own API's SDK is the smallest Stainless-built one on the registry, so its one-call app is close to the cost of
 * that runtime alone. Built and measured exactly like ours.
 */
const referenceApps: { sdk: string; call: string; source: string }[] = [
  {
    sdk: "@stainless-api/sdk (Stainless-built)",
    call: "projects.retrieve",
    source: `import Stainless from "@stainless-api/sdk";
new Stainless({ apiKey: "KEY" }).projects.retrieve({ project: "p" }).then(console.log);`,
  },
];

export async function measureReferences(): Promise<ReferenceResult[]> {
  const results: ReferenceResult[] = [];
  for (const { sdk, call, source } of referenceApps) {
    const { minified, gzipped } = await measure(source);
    results.push({ sdk, call, minified, gzipped });
  }
  return results;
}

/** Bundled for the browser as an app would ship it: ESM, minified, tree-shaken; gzip at level 9. */
export async function measure(
  source: string,
): Promise<{ minified: number; gzipped: number; composition: Record<string, number> }> {
  const result = await build({
    stdin: { contents: source, loader: "ts", resolveDir: fileURLToPath(new URL(".", import.meta.url)) },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error("esbuild produced no output");
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const composition = Object.fromEntries(
    Object.entries(inputs).map(([file, { bytesInOutput }]) => [
      file.replace(/^(\.\.\/)+(packages\/)?/, ""),
      bytesInOutput,
    ]),
  );
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength, composition };
}

export async function measureBundles(specs: Record<string, string>): Promise<BundleResult[]> {
  const { createClient } = await import("@hey-api/openapi-ts");
  const scratch = mkdtempSync(join(tmpdir(), "clientele-bench-bundle-"));
  try {
    await createClient(
      oneCallApps.map(({ provider }) => ({
        input: specs[provider] as string,
        output: join(scratch, provider),
        logs: { level: "error" as const, file: false },
      })),
    );
    const results: BundleResult[] = [];
    for (const { provider, call, apps } of oneCallApps) {
      const sizes = {} as BundleResult["sizes"];
      let composition: Record<string, number> = {};
      for (const [app, source] of Object.entries(apps(join(scratch, provider)))) {
        const measured = await measure(source);
        sizes[app as App] = { minified: measured.minified, gzipped: measured.gzipped };
        if (app === "clientele transport + function") composition = measured.composition;
      }
      results.push({ provider, call, sizes, composition });
    }
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
