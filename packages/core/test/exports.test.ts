import { describe, expect, test } from "vitest";
import * as main from "../src/index.js";
import * as runtime from "../src/runtime.js";

// The value exports of each entry, one per line, kept in a file beside this test: a change to either surface shows
// up in review as a diff of that file. (Types leave no trace at run time; the API-change gate covers them.)
const listing = (entry: object) => `${Object.keys(entry).sort().join("\n")}\n`;

describe("the entries' export names", () => {
  test("@clientele/core: the user surface", async () => {
    await expect(listing(main)).toMatchFileSnapshot("__snapshots__/exports.main.txt");
  });

  test("@clientele/core/runtime: the user surface plus what generated code, providers and the drift CLI call", async () => {
    await expect(listing(runtime)).toMatchFileSnapshot("__snapshots__/exports.runtime.txt");
  });

  test("the runtime entry holds every export of the main entry, the very same values", () => {
    const machinery: Record<string, unknown> = { ...runtime };
    for (const [name, value] of Object.entries(main)) expect(machinery[name], name).toBe(value);
  });

  test.each([
    "backoffDelay",
    "createRedactor",
    "MIN_MASKED_WORD",
    "MIN_MASKED_SUBSTRING",
    "RETRY_BASE_MS",
    "MAX_REDIRECTS",
  ])("the main entry exports no machinery or test seam: %s", (name) => {
    expect(Object.keys(main)).not.toContain(name);
  });
});
