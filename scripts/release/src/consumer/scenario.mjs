// @ts-nocheck — consumer code as a user writes it in plain JavaScript, against the installed packages.
// The consumer matrix's scenario: what every runtime must do with the packed packages. It imports nothing, so the
// same text runs as an ES module, as CommonJS (scripts/release/src/consumer/project.ts rewrites the exports) and
// bundled for workerd and the browser; it uses only fetch-era globals. The orchestrator checks what reached the
// servers. The fault scenarios run every provider of the registry whose smoke call is a GET (the orchestrator passes
// their smoke cases in); the scenarios named after a provider exercise what only that provider's API has, against
// its twin.

/** Scenarios of what one provider's API has; `TWINS` are the twins they call, with the options they need. */
export const PROVIDER_SCENARIOS = ["cyclesoftware pages", "cubit 404"];
export const TWINS = { cubit: {}, cyclesoftware: { pageSize: 2, perMinute: 100_000, perDay: 1_000_000 } };
/** Scenarios every provider runs, each against the fault server under its own path. */
export const FAULT_SCENARIOS = ["timeout", "abort", "503 → 200"];
/** The scenario names, in the order of the matrix's columns. */
export const SCENARIOS = [...PROVIDER_SCENARIOS, ...FAULT_SCENARIOS];
/** Scenarios only a browser runs: the twins called from a page on another origin. */
export const BROWSER_SCENARIOS = ["cors"];

/** The fault server's path for one scenario and provider: it hangs on `hang-*`, answers 503 once on `flaky-*`. */
export const faultPath = (key, id) => `/${key}.${id}`;

/**
 * What the twins must have seen after the provider scenarios: scenario → problem.
 * @param {Record<string, { method: string, path: string, status: number }[]>} exchanges per twin
 * @returns {Record<string, string>}
 */
export function twinProblems(exchanges) {
  const problems = {};
  const lists = exchanges.cyclesoftware.filter((e) => e.method === "GET" && e.path === "/api/v1/customers/list.json");
  // pages() and the item iteration each fetch the three pages once: a page fetched twice is a retry or a loop.
  if (lists.length !== 6) problems["cyclesoftware pages"] = `the twin answered ${lists.length} list requests, not 6`;
  const notFound = exchanges.cubit.filter((e) => e.status === 404);
  if (notFound.length !== 1) problems["cubit 404"] = `the twin answered ${notFound.length} 404s, not 1`;
  return problems;
}

/** The browser scenario's calls at the twin: one answered preflight. */
export const corsPreflights = (exchanges) =>
  exchanges.cyclesoftware.filter((e) => e.method === "OPTIONS" && e.status === 204).length;

/**
 * Runs every scenario with the provider modules in `packages` (by provider id).
 * @param {Record<string, any>} packages
 * @param {{ twins: Record<string, string>, fault: string, smoke: { id: string, client: string, options: object,
 *   operation: string, args: unknown[] }[] }} setup  the servers, and the registry's smoke calls that are GETs
 * @param {{ twins: Record<string, string>, blocked: string }} [crossOrigin]  in a browser: the twins on another
 *   origin, and a server on another origin that sends no CORS headers
 * @returns {Promise<{ name: string, ok: boolean, ms: number, error?: string }[]>}
 */
export async function runScenarios(packages, setup, crossOrigin) {
  const results = [];
  const check = (condition, message) => {
    if (!condition) throw new Error(message);
  };
  const rejection = async (promise) => {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error("the call resolved; it should have rejected");
  };
  const step = async (name, body) => {
    const started = Date.now();
    try {
      await body();
      results.push({ name, ok: true, ms: Date.now() - started });
    } catch (error) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      results.push({ name, ok: false, ms: Date.now() - started, error: text });
    }
  };
  const provider = (id) => {
    const pkg = packages[id];
    if (!pkg) throw new Error(`${id} is not a provider of the registry`);
    return pkg;
  };
  const cubit = () => provider("cubit");
  const cycle = () => provider("cyclesoftware");
  const cubitClient = (baseUrl, options) =>
    cubit().createCubitClient({ apiKey: "test-api-key", environment: "test", baseUrl, ...options });
  const cycleClient = (baseUrl) => cycle().createCycleSoftwareClient({ username: "demo", password: "demo", baseUrl });
  // Each provider's smoke call, against the fault server under the scenario's own path; the same scenario runs
  // for every provider at once, and fails naming the provider.
  const everyProvider = (key, options, call) =>
    Promise.all(
      setup.smoke.map(async (smoke) => {
        const pkg = provider(smoke.id);
        const baseUrl = `${setup.fault}${faultPath(key, smoke.id)}`;
        const client = pkg[smoke.client]({ ...smoke.options, baseUrl, ...options });
        try {
          const segment = faultPath(key, smoke.id).slice(1);
          await call(pkg, (callOptions) => client[smoke.operation](...smoke.args, callOptions), segment);
        } catch (error) {
          throw new Error(`${smoke.id}.${smoke.operation}: ${error?.message ?? error}`, { cause: error });
        }
      }),
    );

  await step("cyclesoftware pages", async () => {
    const client = cycleClient(setup.twins.cyclesoftware);
    const names = ["Ada", "Bo", "Cy", "Di", "Ed"];
    const created = [];
    for (const name of names) created.push(await client.createCustomer({ name, city: "Nistelrode" }));
    const first = await client.getCustomer(created[0].customer_id);
    check(first.name === "Ada", `getCustomer returned ${JSON.stringify(first)}`);
    let pages = 0;
    const listed = [];
    for await (const page of client.listCustomers().pages()) {
      pages += 1;
      for (const customer of page.customers ?? []) listed.push(customer.name);
    }
    const items = [];
    for await (const customer of client.listCustomers()) items.push(customer.name);
    // The twin pages by two: five customers are three pages.
    check(pages === 3, `listed ${pages} pages, not 3`);
    check(listed.join() === names.join(), `pages listed ${listed.join()}`);
    check(items.join() === names.join(), `for await listed ${items.join()}`);
  });

  await step("cubit 404", async () => {
    const client = cubitClient(setup.twins.cubit);
    await client.upsertCustomer({ Number: "1001", FirstName: "Ola", LastName: "Normann" });
    const customer = await client.getCustomer("1001");
    check(customer.FirstName === "Ola", `getCustomer returned ${JSON.stringify(customer)}`);
    const error = await rejection(client.getCustomer("4040404"));
    check(error instanceof cubit().NotFoundError, `a 404 rejected with ${error?.name}, not NotFoundError`);
    check(
      error instanceof cubit().ApiError && error.status === 404,
      "the NotFoundError is no ApiError with status 404",
    );
  });

  await step("timeout", () =>
    everyProvider("hang-timeout", { timeout: 300, maxRetries: 0 }, async (pkg, call) => {
      const started = Date.now();
      const error = await rejection(call());
      check(error instanceof pkg.TimeoutError, `rejected with ${error?.name}: ${error?.message}, not TimeoutError`);
      check(error instanceof pkg.ConnectionError, "the TimeoutError is no ConnectionError");
      check(Date.now() - started >= 250, `timed out after ${Date.now() - started} ms, before its 300 ms`);
    }),
  );

  await step("abort", () =>
    everyProvider("hang-abort", { maxRetries: 2 }, async (pkg, call) => {
      const controller = new AbortController();
      const reason = new Error("the user cancelled");
      const pending = call({ signal: controller.signal });
      setTimeout(() => controller.abort(reason), 100);
      const error = await rejection(pending);
      check(error instanceof pkg.UserAbortError, `rejected with ${error?.name}: ${error?.message}, not UserAbortError`);
      check(error?.cause === reason, "the UserAbortError's cause is not the signal's reason");
      check(error instanceof pkg.ClienteleError, "the UserAbortError is no ClienteleError");
    }),
  );

  await step("503 → 200", () =>
    everyProvider("flaky-retry", { maxRetries: 2 }, async (_, call, key) => {
      const body = await call();
      check(body?.fault === key, `the retried call returned ${JSON.stringify(body)}`);
    }),
  );

  if (crossOrigin) {
    await step("cors", async () => {
      // A preflighted call (Authorization, a JSON body) to a twin on another port, whose rate-limit headers the
      // page must be able to read.
      const { response } = await cycleClient(crossOrigin.twins.cyclesoftware)
        .createCustomer({ name: "Cors", city: "Uden" })
        .withResponse();
      const remaining = response.headers.get("X-RateLimit-Minutely-Remaining");
      check(remaining !== null && remaining !== "", "X-RateLimit-Minutely-Remaining is not readable from the page");
      const blocked = cubitClient(`${crossOrigin.blocked}/cors-blocked`, { maxRetries: 0 });
      const error = await rejection(blocked.getCustomer("1"));
      check(
        error instanceof cubit().ConnectionError,
        `a blocked call rejected with ${error?.name}, not ConnectionError`,
      );
      check(/CORS/.test(error.message), `the message does not mention CORS: ${error.message}`);
    });
  }

  return results;
}
