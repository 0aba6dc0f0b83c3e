import { PaginationError, paginateByOffset } from "@clientele/core/runtime";
import { settle } from "@clientele/testkit/harness";
import { json, type Seen, scriptedFetch } from "@clientele/testkit/scripted-fetch";
import { describe, expect, test } from "vitest";
import { type Customer, createCycleSoftwareClient } from "./support/providers.js";

/** A CycleSoftware list endpoint over `total` customers, `pageSize` per page, recording each page it serves. */
function listServer(total: number, pageSize: number) {
  const served: number[] = [];
  const answer = ({ url }: Seen) => {
    const offset = Number(new URL(url).searchParams.get("offset") ?? 0);
    served.push(offset);
    const end = Math.min(offset + pageSize, total);
    const customers = Array.from({ length: end - offset }, (_, i) => ({ customer_id: offset + i + 1 }));
    return json({
      error: false,
      error_message: null,
      customers,
      pagination: { count: customers.length, next_offset: end < total ? end : null },
    });
  };
  const { fetch, seen } = scriptedFetch(...Array.from({ length: Math.ceil(total / pageSize) + 1 }, () => answer));
  const client = createCycleSoftwareClient({
    username: "u-name",
    password: "pw",
    baseUrl: "https://cycle.test",
    fetch,
  });
  return { client, seen, served };
}

describe("offset pagination (CycleSoftware listCustomers)", () => {
  test("for await walks every item of every page via next_offset, keeping the query", async () => {
    const { client, seen } = listServer(1_234, 500);
    const ids: number[] = [];
    for await (const customer of client.listCustomers({ modified_since: "2023-01-12 12:30:00" })) {
      ids.push(customer.customer_id as number);
    }
    expect(ids).toEqual(Array.from({ length: 1_234 }, (_, i) => i + 1));
    expect(seen.map((s) => new URL(s.url).search)).toEqual([
      "?modified_since=2023-01-12%2012:30:00",
      "?modified_since=2023-01-12%2012:30:00&offset=500",
      "?modified_since=2023-01-12%2012:30:00&offset=1000",
    ]);
  });

  test("await returns the first page only, with one request", async () => {
    const { client, seen } = listServer(1_234, 500);
    const page = await client.listCustomers();
    expect(page?.customers).toHaveLength(500);
    expect(page?.pagination?.next_offset).toBe(500);
    expect(seen).toHaveLength(1);
  });

  test("withResponse() works on the first page too", async () => {
    const { client } = listServer(10, 5);
    const { data, response, rateLimit } = await client.listCustomers().withResponse();
    expect(data?.customers).toHaveLength(5);
    expect(response.status).toBe(200);
    expect(rateLimit).toBeUndefined();
  });

  test(".pages() yields whole pages", async () => {
    const { client } = listServer(1_001, 500);
    const sizes: number[] = [];
    for await (const page of client.listCustomers().pages()) sizes.push(page?.customers?.length ?? 0);
    expect(sizes).toEqual([500, 500, 1]);
  });

  test("an empty listing yields nothing", async () => {
    const { client, seen } = listServer(0, 500);
    const items: Customer[] = [];
    for await (const customer of client.listCustomers()) items.push(customer);
    expect(items).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  test("a user's own starting offset is kept for the first page", async () => {
    const { client, served } = listServer(1_200, 500);
    let count = 0;
    for await (const _ of client.listCustomers({ offset: 1_000 })) count++;
    expect(count).toBe(200);
    expect(served).toEqual([1_000]);
  });

  test("memory stays flat: the next page is requested only when the consumer reaches it, and none is held back", async () => {
    const total = 50_000;
    const { client, served } = listServer(total, 100);
    let seenItems = 0;
    let maxAhead = 0;
    for await (const customer of client.listCustomers()) {
      seenItems++;
      // Pages served so far minus the page this item is on: never more than the current one.
      const currentPage = Math.floor(((customer.customer_id as number) - 1) / 100);
      maxAhead = Math.max(maxAhead, served.length - 1 - currentPage);
    }
    expect(seenItems).toBe(total);
    expect(served).toHaveLength(500);
    expect(maxAhead).toBe(0);
  });

  test("breaking out of the loop stops requesting pages", async () => {
    const { client, seen } = listServer(5_000, 100);
    let count = 0;
    for await (const _ of client.listCustomers()) if (++count === 150) break;
    expect(seen).toHaveLength(2);
  });

  test("an error on a later page rejects the iteration with that page's error", async () => {
    const { fetch } = scriptedFetch(
      json({ customers: [{ customer_id: 1 }], pagination: { next_offset: 1 } }),
      json({ error: "gone" }, 404),
    );
    const client = createCycleSoftwareClient({ username: "u", password: "p", baseUrl: "https://cycle.test", fetch });
    const items: Customer[] = [];
    const error = await settle(
      (async () => {
        for await (const customer of client.listCustomers()) items.push(customer);
      })(),
    );
    expect(items).toHaveLength(1);
    expect((error as { status?: number }).status).toBe(404);
  });

  test.each([
    ["repeats itself", [10, 10]],
    ["goes backwards", [10, 5]],
  ])("a server whose next offset %s gets a PaginationError instead of an endless loop", async (_, offsets) => {
    type Page = { items: number[]; next: number | null | undefined };
    const pages: Page[] = [{ items: [1], next: offsets[0] }, ...offsets.slice(1).map((next) => ({ items: [2], next }))];
    let index = 0;
    const fetchPage = async (): Promise<Page> => pages[++index] ?? { items: [], next: null };
    const first = Object.assign(Promise.resolve(pages[0] as Page), {
      withResponse: () => Promise.reject(new Error("unused")),
      asResponse: () => Promise.reject(new Error("unused")),
    });
    const paged = paginateByOffset<Page, number>(
      first,
      fetchPage,
      (p) => p?.items,
      (p) => p?.next,
      { id: "listThings", method: "GET", idempotent: true },
    );
    const error = await settle(
      (async () => {
        for await (const _ of paged);
      })(),
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toMatch(/^listThings: the server's next offset \d+ does not move past \d+/);
  });
});
