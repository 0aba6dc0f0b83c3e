// The consumer matrix's servers must be able to fail a run: with no traffic, or with the wrong traffic, `verify`
// names the scenario (and, for the fault scenarios, the provider); with what a correct client sends, it names none.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { faultPath, SCENARIOS, TWINS } from "../src/consumer/scenario.mjs";
import { type Site, startSite } from "../src/consumer/servers.ts";

/** Two providers' fault calls: each has its own paths on the fault server. */
const PROVIDERS = ["alpha", "beta"];
let site: Site;
beforeEach(async () => {
  site = await startSite(PROVIDERS);
});
afterEach(async () => {
  await site.stop();
});

const faultUrl = (key: string, id: string) => `${site.urls.fault}${faultPath(key, id)}/api/customer/1`;

/** A request to the fault server that the caller gives up on once the server has it. */
async function hangThenLeave(key: string, id: string) {
  const controller = new AbortController();
  const call = fetch(faultUrl(key, id), { signal: controller.signal }).catch(() => undefined);
  await vi.waitFor(() => expect(site.requests(faultPath(key, id).slice(1))).toBe(1), { timeout: 10_000 });
  controller.abort();
  await call;
}

describe("consumer matrix servers", () => {
  test("with no traffic, every scenario but the abort (which may end before sending) is reported", async () => {
    const problems = await site.verify();
    expect(Object.keys(problems).sort()).toEqual(SCENARIOS.filter((name) => name !== "abort").sort());
    expect(problems.timeout).toBe("alpha: the server saw 0 requests; beta: the server saw 0 requests");
  });

  test("a retry that never comes is reported, naming the provider; a 503 then a 200 is not", async () => {
    const first = await fetch(faultUrl("flaky-retry", "alpha"));
    expect([first.status, first.headers.get("retry-after")]).toEqual([503, "0"]);
    for (const id of PROVIDERS.slice(1)) await fetch(faultUrl("flaky-retry", id));
    for (const id of PROVIDERS.slice(1)) await fetch(faultUrl("flaky-retry", id));
    expect((await site.verify())["503 → 200"]).toBe("alpha: the server saw 503");
    const second = await fetch(faultUrl("flaky-retry", "alpha"));
    expect([second.status, await second.json()]).toEqual([200, { fault: "flaky-retry.alpha" }]);
    expect((await site.verify())["503 → 200"]).toBeUndefined();
  });

  test("a hung request whose client goes away counts as closed", async () => {
    for (const id of PROVIDERS) {
      await hangThenLeave("hang-timeout", id);
      await hangThenLeave("hang-abort", id);
    }
    const problems = await site.verify();
    expect([problems.timeout, problems.abort]).toEqual([undefined, undefined]);
  });

  test("the browser's origin passes calls on to every twin the scenarios use", async () => {
    expect(Object.keys(site.sameOrigin.twins).sort()).toEqual(Object.keys(TWINS).sort());
    const answer = await fetch(`${site.sameOrigin.twins.cubit}/api/customer/1`, {
      headers: { "api-key": "test-api-key" },
    });
    expect(answer.status).toBe(404);
    expect((await site.verify())["cubit 404"]).toBeUndefined();
  });
});
