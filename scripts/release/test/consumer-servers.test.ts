// The consumer matrix's servers must be able to fail a run: with no traffic, or with the wrong traffic, `verify`
// names the scenario; with what a correct client sends, it names none.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { SCENARIOS } from "../src/consumer/scenario.mjs";
import { type Site, startSite } from "../src/consumer/servers.ts";

let site: Site;
beforeEach(async () => {
  site = await startSite();
});
afterEach(async () => {
  await site.stop();
});

/** A request to the fault server that the caller gives up on once the server has it. */
async function hangThenLeave(key: string) {
  const controller = new AbortController();
  const call = fetch(`${site.urls.fault}/api/customer/${key}`, { signal: controller.signal }).catch(() => undefined);
  await vi.waitFor(() => expect(site.requests(key)).toBe(1), { timeout: 10_000 });
  controller.abort();
  await call;
}

describe("consumer matrix servers", () => {
  test("with no traffic, every scenario but the abort (which may end before sending) is reported", async () => {
    const problems = await site.verify();
    expect(Object.keys(problems).sort()).toEqual(SCENARIOS.filter((name) => name !== "abort").sort());
  });

  test("a retry that never comes is reported; a 503 then a 200 is not", async () => {
    const first = await fetch(`${site.urls.fault}/api/customer/flaky-retry`);
    expect([first.status, first.headers.get("retry-after")]).toEqual([503, "0"]);
    expect((await site.verify())["503 → 200"]).toBe("the server answered 503, not 503, 200");
    const second = await fetch(`${site.urls.fault}/api/customer/flaky-retry`);
    expect([second.status, await second.json()]).toEqual([200, { Number: "flaky-retry" }]);
    expect((await site.verify())["503 → 200"]).toBeUndefined();
  });

  test("a hung request whose client goes away counts as closed", async () => {
    await hangThenLeave("hang-timeout");
    await hangThenLeave("hang-abort");
    const problems = await site.verify();
    expect([problems.timeout, problems.abort]).toEqual([undefined, undefined]);
  });

  test("the browser's origin passes calls on to the twins", async () => {
    const url = `${site.sameOrigin.cubit}/api/customer/1`;
    const answer = await fetch(url, { headers: { "api-key": "test-api-key" } });
    expect(answer.status).toBe(404);
    expect((await site.verify())["cubit 404"]).toBeUndefined();
  });
});
