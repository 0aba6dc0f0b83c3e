import { describe, expect, test } from "vitest";
import { corsHint, runsInBrowser } from "../src/cors-hint.js";

describe("corsHint", () => {
  test.each([
    ["Chromium's bare TypeError, in a browser", { given: [new TypeError("Failed to fetch"), true], want: /CORS/ }],
    [
      "Firefox's, in a browser",
      { given: [new TypeError("NetworkError when attempting to fetch resource."), true], want: /CORS/ },
    ],
    ["Node's TypeError (not a browser)", { given: [new TypeError("fetch failed"), false], want: /^$/ }],
    ["another error, in a browser", { given: [new Error("boom"), true], want: /^$/ }],
  ] as const)("%s", (_, { given: [error, inBrowser], want }) => {
    expect(corsHint(error, inBrowser)).toMatch(want);
  });

  test("Node is no browser", () => {
    expect(runsInBrowser()).toBe(false);
  });
});
