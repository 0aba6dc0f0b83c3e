import * as core from "@clientele/core";
import { describe, expect, test } from "vitest";
import { providers } from "../../src/providers.js";

// One `instanceof NotFoundError` must work whichever package the user imports it from: every provider re-exports
// core's user surface itself (the very same classes and functions), not copies.
describe.each(providers.map((p) => [p.packageName, p.exports] as const))("%s", (_, exports) => {
  test.each(Object.entries(core))("re-exports core's %s, the very same value", (name, value) => {
    expect(exports[name]).toBe(value);
  });
});
