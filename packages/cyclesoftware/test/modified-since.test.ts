// modified_since takes the document's `YYYY-MM-DD HH:MM:SS`: a Date from plain JavaScript is refused with a message
// that points at the formatter, and the formatter's text is what reaches the server.

import { json, scriptedFetch } from "@clientele/testkit/scripted-fetch";
import { describe, expect, test } from "vitest";
import { createCycleSoftwareClient, formatDateTime, InvalidInputError } from "../src/index.js";

function client() {
  const { fetch, seen } = scriptedFetch(json({ customers: [], pagination: { count: 0, next_offset: null } }));
  return {
    cycle: createCycleSoftwareClient({ username: "u", password: "p", baseUrl: "https://cycle.test", fetch }),
    seen,
  };
}

describe("modified_since from a Date", () => {
  test("a Date itself is refused before anything is sent, naming the operation, the parameter and the formatter", async () => {
    const { cycle, seen } = client();
    const listCustomers = cycle.listCustomers as (query: unknown) => Promise<unknown>;
    const since = new Date(Date.UTC(2023, 0, 12, 11, 30));
    const error = (await listCustomers({ modified_since: since }).catch((e: unknown) => e)) as InvalidInputError;
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.option).toBe("query.modified_since");
    expect(error.message).toBe(
      'listCustomers: query parameter "modified_since" must be text, not a Date (whose own text and time zone are not the API\'s): format it, e.g. formatDateTime(date, { timeZone }) for "YYYY-MM-DD HH:MM:SS"',
    );
    expect(seen).toEqual([]);
  });

  test("formatted in the time zone the caller names, it is sent as the document's transcript sends it", async () => {
    const { cycle, seen } = client();
    const since = formatDateTime(new Date(Date.UTC(2023, 0, 12, 11, 30)), { timeZone: "Europe/Amsterdam" });
    await cycle.listCustomers({ modified_since: since });
    expect(seen.map((request) => request.url)).toEqual([
      "https://cycle.test/api/v1/customers/list.json?modified_since=2023-01-12%2012:30:00",
    ]);
  });
});
