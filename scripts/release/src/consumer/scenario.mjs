// @ts-nocheck — consumer code as a user writes it in plain JavaScript, against the installed packages.
// The consumer matrix's scenario: what every runtime must do with the packed packages. It imports nothing, so the
// same text runs as an ES module, as CommonJS (scripts/release/src/consumer/project.mjs rewrites the export) and bundled for
// workerd and the browser; it uses only fetch-era globals. The orchestrator checks what reached the servers.

/** The scenario names, in the order of the matrix's columns. */
export const SCENARIOS = ["cyclesoftware pages", "cubit 404", "timeout", "abort", "503 → 200"];
/** Scenarios only a browser runs: the twins called from a page on another origin. */
export const BROWSER_SCENARIOS = ["cors"];

/**
 * Runs every scenario against the servers in `urls` with the provider modules in `packages`.
 * @param {{ cubit: any, cycle: any }} packages the `@clientele/cubit` and `@clientele/cyclesoftware` modules
 * @param {{ cubit: string, cyclesoftware: string, fault: string }} urls
 * @param {{ cyclesoftware: string, blocked: string }} [crossOrigin]  in a browser: a twin on another origin, and a
 *   server on another origin that sends no CORS headers
 * @returns {Promise<{ name: string, ok: boolean, ms: number, error?: string }[]>}
 */
export async function runScenarios(packages, urls, crossOrigin) {
  const { cubit, cycle } = packages;
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
  const faultClient = (options) =>
    cubit.createCubitClient({ apiKey: "test-api-key", environment: "test", baseUrl: urls.fault, ...options });

  await step(SCENARIOS[0], async () => {
    const client = cycle.createCycleSoftwareClient({ username: "demo", password: "demo", baseUrl: urls.cyclesoftware });
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

  await step(SCENARIOS[1], async () => {
    const client = cubit.createCubitClient({ apiKey: "test-api-key", environment: "test", baseUrl: urls.cubit });
    await client.upsertCustomer({ Number: "1001", FirstName: "Ola", LastName: "Normann" });
    const customer = await client.getCustomer("1001");
    check(customer.FirstName === "Ola", `getCustomer returned ${JSON.stringify(customer)}`);
    const error = await rejection(client.getCustomer("4040404"));
    check(error instanceof cubit.NotFoundError, `a 404 rejected with ${error?.name}, not NotFoundError`);
    check(error instanceof cubit.ApiError && error.status === 404, "the NotFoundError is no ApiError with status 404");
  });

  await step(SCENARIOS[2], async () => {
    const started = Date.now();
    const error = await rejection(faultClient({ timeout: 300, maxRetries: 0 }).getCustomer("hang-timeout"));
    check(error instanceof cubit.TimeoutError, `rejected with ${error?.name}: ${error?.message}, not TimeoutError`);
    check(error instanceof cubit.ConnectionError, "the TimeoutError is no ConnectionError");
    check(Date.now() - started >= 250, `timed out after ${Date.now() - started} ms, before its 300 ms`);
  });

  await step(SCENARIOS[3], async () => {
    const controller = new AbortController();
    const reason = new Error("the user cancelled");
    const call = faultClient({ maxRetries: 2 }).getCustomer("hang-abort", { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 100);
    const error = await rejection(call);
    check(error instanceof cubit.UserAbortError, `rejected with ${error?.name}: ${error?.message}, not UserAbortError`);
    check(error?.cause === reason, "the UserAbortError's cause is not the signal's reason");
    check(error instanceof cubit.ClienteleError, "the UserAbortError is no ClienteleError");
  });

  await step(SCENARIOS[4], async () => {
    const customer = await faultClient({ maxRetries: 2 }).getCustomer("flaky-retry");
    check(customer.Number === "flaky-retry", `the retried call returned ${JSON.stringify(customer)}`);
  });

  if (crossOrigin) {
    await step(BROWSER_SCENARIOS[0], async () => {
      // A preflighted call (Authorization, a JSON body) to a twin on another port, whose rate-limit headers the
      // page must be able to read.
      const client = cycle.createCycleSoftwareClient({
        username: "demo",
        password: "demo",
        baseUrl: crossOrigin.cyclesoftware,
      });
      const { response } = await client.createCustomer({ name: "Cors", city: "Uden" }).withResponse();
      const remaining = response.headers.get("X-RateLimit-Minutely-Remaining");
      check(remaining !== null && remaining !== "", "X-RateLimit-Minutely-Remaining is not readable from the page");
      const blocked = cubit.createCubitClient({
        apiKey: "test-api-key",
        environment: "test",
        baseUrl: crossOrigin.blocked,
        maxRetries: 0,
      });
      const error = await rejection(blocked.getCustomer("cors-blocked"));
      check(error instanceof cubit.ConnectionError, `a blocked call rejected with ${error?.name}, not ConnectionError`);
      check(/CORS/.test(error.message), `the message does not mention CORS: ${error.message}`);
    });
  }

  return results;
}
