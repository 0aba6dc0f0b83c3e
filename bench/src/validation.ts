// What opt-in response validation costs: per call (CycleSoftware, fetch answering at once, so the client's own
// work is all that is timed) and per bundle (the `/validate` entry, and a one-call app that turns it on).
import { loadBuilt } from "./built-client.js";
import { measure, oneCallApps } from "./bundle-size.js";
import { customer, rateLimitHeaders } from "./fixtures.js";
import { median, shuffled } from "./stats.js";

export interface ValidationCost {
  call: string;
  /** Median microseconds per call with `validate` off, and with `"warn"`. */
  offUs: number;
  warnUs: number;
}

export interface ValidationBundle {
  provider: string;
  /** The `/validate` entry alone (its checkers and core's validation runtime), min+gz bytes. */
  entry: number;
  /** The one-call app (transport + function) without and with `validate: "warn"`, min+gz bytes. */
  appOff: number;
  appWarn: number;
}

const VALIDATORS: Record<string, [pkg: string, exportName: string]> = {
  cubit: ["@clientele/cubit", "cubitValidators"],
  onlinewerkrooster: ["@clientele/onlinewerkrooster", "onlinewerkroosterValidators"],
  cube4sales: ["@clientele/cube4sales", "cube4salesValidators"],
  cyclesoftware: ["@clientele/cyclesoftware", "cycleSoftwareValidators"],
};

export async function measureValidationBundles(): Promise<ValidationBundle[]> {
  const results: ValidationBundle[] = [];
  for (const { provider, apps } of oneCallApps) {
    const [pkg, name] = VALIDATORS[provider] as [string, string];
    const entry = await measure(`import { ${name} } from "${pkg}/validate";\nconsole.log(${name});`);
    const off = apps("")["clientele transport + function"];
    const warn = `import { ${name} } from "${pkg}/validate";\n${off.replace(/Transport\(\{/, `Transport({ validate: "warn", validators: ${name}, `)}`;
    const [appOff, appWarn] = [await measure(off), await measure(warn)];
    results.push({ provider, entry: entry.gzipped, appOff: appOff.gzipped, appWarn: appWarn.gzipped });
  }
  return results;
}

type Loaded = typeof import("@clientele/cyclesoftware") & typeof import("@clientele/cyclesoftware/validate");

/** The CycleSoftware package and its validate entry bundled to plain JavaScript, as an app runs them. */
const loadBuiltWithValidators = () =>
  loadBuilt<Loaded>(
    `export * from "@clientele/cyclesoftware";\nexport { cycleSoftwareValidators } from "@clientele/cyclesoftware/validate";`,
  );

/** Answers at once: one customer for a get, a page of 100 for a listing. */
function instantAnswers() {
  const headers = { "content-type": "application/json; charset=utf-8", ...rateLimitHeaders };
  const one = JSON.stringify(customer(1006));
  const customers = Array.from({ length: 100 }, (_, i) => customer(i + 1));
  const page = JSON.stringify({
    error: false,
    error_message: null,
    customers,
    pagination: { count: 100, next_offset: null },
  });
  return async (input: string | URL | Request) =>
    new Response(String(input).includes("list.json") ? page : one, { status: 200, headers });
}

export async function measureValidationCost(settings: {
  rounds: number;
  blockSize: number;
}): Promise<ValidationCost[]> {
  const built = await loadBuiltWithValidators();
  const fetch = instantAnswers();
  const base = { username: "u", password: "p", fetch, maxRetries: 0 };
  const clients = {
    off: built.createCycleSoftwareClient(base),
    warn: built.createCycleSoftwareClient({
      ...base,
      validate: "warn",
      validators: built.cycleSoftwareValidators,
      onDrift: (report) => {
        throw new Error(`the benchmark's answers drifted: ${report.message}`);
      },
    }),
  };
  const calls: [string, (client: typeof clients.off) => Promise<unknown>][] = [
    ["getCustomer (one customer)", (client) => client.getCustomer(1006)],
    ["listCustomers (a page of 100)", (client) => client.listCustomers({})],
  ];
  const results: ValidationCost[] = [];
  for (const [call, run] of calls) {
    const samples = { off: [] as number[], warn: [] as number[] };
    for (let warmup = 0; warmup < 200; warmup++) for (const mode of ["off", "warn"] as const) await run(clients[mode]);
    for (let round = 0; round < settings.rounds; round++) {
      for (const mode of shuffled(["off", "warn"] as const)) {
        const started = performance.now();
        for (let i = 0; i < settings.blockSize; i++) await run(clients[mode]);
        samples[mode].push(((performance.now() - started) * 1000) / settings.blockSize);
      }
    }
    results.push({ call, offUs: median(samples.off), warnUs: median(samples.warn) });
  }
  return results;
}
