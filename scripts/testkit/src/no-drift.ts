import { checkExchange, type Exchange } from "@clientele/core/runtime";
import { expect } from "vitest";
import { provider } from "./providers.js";

/** Asserts that the exchange is within the provider's spec, listing each report's message where it is not. */
export function expectNoDrift(id: string, exchange: Exchange): void {
  expect(checkExchange(provider(id).validators.responses, exchange).map((report) => report.message)).toEqual([]);
}
