import * as core from "@clientele/core";
import { expect, test } from "vitest";
import * as provider from "../src/index.js";

// One `instanceof NotFoundError` must work whichever package the user imports it from: the provider re-exports core's
// user surface itself (the very same classes and functions), not copies.
const reexported: Record<string, unknown> = { ...provider };
test.each(Object.entries(core))("re-exports core's %s, the very same value", (name, value) => {
  expect(reexported[name]).toBe(value);
});
