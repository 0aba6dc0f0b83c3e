import * as core from "@clientele/core";
import { expect, test } from "vitest";
import * as provider from "../src/index.js";

// One `instanceof NotFoundError` must work whichever package the user imports it from: the provider re-exports core's
// user surface itself (the very same classes and functions), not copies.
test.each(Object.keys(core))("re-exports core's %s, the very same value", (name) => {
  expect(provider[name as keyof typeof provider]).toBe(core[name as keyof typeof core]);
});
