import { createCycleSoftwareClient, ResponseParseError } from "@clientele/cyclesoftware";
import { describe, expect, test } from "vitest";
import { parseCheckpoint } from "../src/checkpoint.js";
import { toCubitCustomer } from "../src/map.js";
import { syncCustomers } from "../src/sync.js";
import { someCustomers, syncBench, truncatingProxy } from "./support.js";

const bench = syncBench();
const numbers = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1));

describe("sync CycleSoftware → Cubit, against the twins", () => {
  test("the first run copies every customer, mapped, and records where the next run starts", async () => {
    bench.cycleTwin.seed({ customers: someCustomers(25) });
    bench.advance(5_000);
    const result = await syncCustomers(bench.options());
    expect(result).toMatchObject({ outcome: "complete", copied: 25, pages: 3, waits: 0 });
    // The twin's clock read 09:00:05 when the run began; a second is taken off.
    expect(result.nextSince).toBe("2024-01-15 09:00:04");
    expect(await bench.checkpoints().load()).toEqual({ since: "2024-01-15 09:00:04" });
    const inCubit = bench.cubitTwin.state().test.customers;
    expect(inCubit).toEqual(bench.cycleTwin.state().customers.map(toCubitCustomer));
  });

  test("a second run copies only the customers changed or created since the first", async () => {
    bench.cycleTwin.seed({ customers: someCustomers(25) });
    bench.advance(5_000);
    await syncCustomers(bench.options());
    bench.advance(60_000);
    const cycle = createCycleSoftwareClient({ username: "demo", password: "demo", baseUrl: bench.cycleTwin.url });
    await cycle.updateCustomer(3, { name: "Renamed" });
    await cycle.updateCustomer(17, { first_name: "Changed" });
    const created = await cycle.createCustomer({ first_name: "New", name: "Customer" });
    bench.cubitTwin.reset();
    // Changes in the second before a run begins are copied again by the next run (the cursor's safety margin).
    bench.advance(5_000);

    const second = await syncCustomers(bench.options());
    expect(second).toMatchObject({ outcome: "complete", copied: 3, nextSince: "2024-01-15 09:01:09" });
    expect([...bench.upsertsPerNumber().keys()]).toEqual(["3", "17", String(created.customer_id)]);
    expect(bench.cubitTwin.state().test.customers.map((c) => c.LastName)).toEqual([
      "Renamed",
      "van Last17",
      "Customer",
    ]);

    bench.advance(60_000);
    expect(await syncCustomers(bench.options())).toMatchObject({ outcome: "complete", copied: 0 });
  });

  test.each([1, 10, 13, 24])(
    "a run cut off after %i customers resumes where it stopped: every customer copied exactly once",
    async (cutAfter) => {
      bench.cycleTwin.seed({ customers: someCustomers(25) });
      const abort = new AbortController();
      const cut = syncCustomers(
        bench.options({
          signal: abort.signal,
          onCopied: (_, progress) => {
            if (progress.copied === cutAfter) abort.abort(new Error("cut off"));
          },
        }),
      );
      await expect(cut).rejects.toThrow("cut off");
      const saved = await bench.checkpoints().load();
      expect(saved?.run).toBeDefined();

      const resumed = await syncCustomers(bench.options());
      expect(resumed).toMatchObject({ outcome: "complete", copied: 25 - cutAfter });
      expect(Object.fromEntries(bench.upsertsPerNumber())).toEqual(Object.fromEntries(numbers(25).map((n) => [n, 1])));
      expect(await bench.checkpoints().load()).toEqual({ since: saved?.run?.nextSince });
    },
  );
});

describe("a corrupt page stops the sync; the checkpoint resumes before it", () => {
  test("a proxy that cuts page 2 in half: a clear error, the checkpoint at page 2, and a clean resume", async () => {
    bench.cycleTwin.seed({ customers: someCustomers(25) });
    const proxy = await truncatingProxy(
      () => bench.cycleTwin.url,
      (url) => url.searchParams.get("offset") === "10",
    );
    try {
      const options = bench.options();
      const viaProxy = createCycleSoftwareClient({
        username: "demo",
        password: "demo",
        baseUrl: proxy.url,
        maxRetries: 0,
      });
      const stopped = await syncCustomers({ ...options, cycle: viaProxy }).then(
        () => undefined,
        (error: Error) => error,
      );
      expect(stopped?.message).toMatch(
        /^CycleSoftware sent a page that cannot be trusted \(offset 10\), so the sync stopped; nothing of that page was copied and the checkpoint resumes there\. listCustomers: GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/customers\/list\.json\?offset=10 answered 200 with a body that is not the JSON expected/,
      );
      expect(stopped?.cause).toBeInstanceOf(ResponseParseError);
      expect(proxy.seen).toEqual(["/api/v1/customers/list.json", "/api/v1/customers/list.json?offset=10"]);
      // Page 1 is in Cubit, nothing of page 2, and the checkpoint points at page 2.
      expect([...bench.upsertsPerNumber().keys()]).toEqual(numbers(10));
      const saved = await bench.checkpoints().load();
      expect(saved).toMatchObject({ since: null, run: { since: null, offset: 10 } });
      expect(saved?.run?.lastCopiedId).toBeUndefined();
    } finally {
      await proxy.close();
    }

    const resumed = await syncCustomers(bench.options());
    expect(resumed).toMatchObject({ outcome: "complete", copied: 15 });
    expect(Object.fromEntries(bench.upsertsPerNumber())).toEqual(Object.fromEntries(numbers(25).map((n) => [n, 1])));
  });
});

describe("the sync within CycleSoftware's rate limit", () => {
  test("a spent minute allowance holds the sync back a minute instead of being refused", async () => {
    await bench.reconfigure({ perMinute: 2, pageSize: 5 });
    bench.cycleTwin.seed({ customers: someCustomers(25) });
    const result = await syncCustomers(bench.options());
    // 5 pages, 2 a minute: held back after the 2nd and the 4th.
    expect(result).toMatchObject({ outcome: "complete", copied: 25, pages: 5, waits: 2, heldBackMs: 120_000 });
    expect(bench.cycleTwin.exchanges.map((e) => e.status)).toEqual([200, 200, 200, 200, 200]);
  });

  test("a spent day allowance stops the run cleanly; the next day it resumes without duplicates", async () => {
    await bench.reconfigure({ perDay: 3, pageSize: 5 });
    bench.cycleTwin.seed({ customers: someCustomers(25) });
    const first = await syncCustomers(bench.options());
    expect(first).toMatchObject({ outcome: "daily-limit", copied: 15, resumeAfter: new Date(Date.UTC(2024, 0, 16)) });
    expect(bench.cycleTwin.exchanges.map((e) => e.status)).toEqual([200, 200, 200]);

    bench.advance(Date.UTC(2024, 0, 16) - bench.now());
    const next = await syncCustomers(bench.options());
    expect(next).toMatchObject({ outcome: "complete", copied: 10 });
    expect(Object.fromEntries(bench.upsertsPerNumber())).toEqual(Object.fromEntries(numbers(25).map((n) => [n, 1])));
  });

  test("refused because others spent the minute (429), it waits a minute and resumes", async () => {
    await bench.reconfigure({ perMinute: 3 });
    bench.cycleTwin.seed({ customers: someCustomers(25) });
    const other = createCycleSoftwareClient({ username: "demo", password: "demo", baseUrl: bench.cycleTwin.url });
    for (let i = 0; i < 3; i++) await other.findCustomers();
    const result = await syncCustomers(bench.options());
    expect(result).toMatchObject({ outcome: "complete", copied: 25, waits: 1 });
    expect(bench.cycleTwin.exchanges.filter((e) => e.status === 429)).toHaveLength(1);
  });
});

describe("bad input names what is at fault", () => {
  test.each([
    [{ since: "2024-01-15T09:00:00Z" }, 'option "since" must look like 2023-01-12 12:30:00'],
    [{ timeZone: "Mars/Olympus" }, 'option "timeZone": "Mars/Olympus" is not an IANA time zone'],
  ])("%o", async (extra, message) => {
    await expect(syncCustomers(bench.options(extra))).rejects.toThrow(message);
  });

  test.each([
    ["since", { since: "2030-01-01 00:00:00" }],
    ["run.since", { since: null, run: { since: "2030-01-01 00:00:00", nextSince: "2030-01-01 00:00:00", offset: 0 } }],
  ])("a checkpoint %s in the future is refused, naming the file and the value", async (field, checkpoint) => {
    bench.cycleTwin.seed({ customers: someCustomers(5) });
    const store = bench.checkpoints();
    await store.save(checkpoint);
    await expect(syncCustomers(bench.options())).rejects.toThrow(
      `${store.source}: "${field}" 2030-01-01 00:00:00 is in the future (CycleSoftware's clock reads 2024-01-15 09:00:00 in UTC); it would skip every change until then`,
    );
    expect(await store.load()).toEqual(checkpoint);
    expect(bench.cubitTwin.exchanges).toHaveLength(0);
  });

  test.each([
    ["{", "not a checkpoint (invalid JSON)"],
    ['{"since":"yesterday"}', '"since" must be null or YYYY-MM-DD HH:MM:SS'],
    [
      '{"since":null,"run":{"since":null,"nextSince":"2024-01-15 09:00:00","offset":-5}}',
      '"run.offset" must be a whole number',
    ],
    ['{"since":null,"run":{"since":null,"offset":0}}', '"run.nextSince" must be YYYY-MM-DD HH:MM:SS'],
  ])("checkpoint %s", (text, message) => {
    expect(() => parseCheckpoint(text, "checkpoint.json")).toThrow(`checkpoint.json: ${message}`);
  });
});
