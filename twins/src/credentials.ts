import type { TwinProvider } from "./twin-types.js";
import { isRecord } from "./validate.js";

/**
 * How to reach a twin: what `clientele-twin`, `pnpm twin` and `pnpm start` print. With the options a twin was given
 * (`given`), its own credentials; without, the defaults.
 */
export function describeCredentials(provider: TwinProvider, given: Record<string, unknown> = {}): string {
  switch (provider) {
    case "cubit": {
      const keys = { test: "test-api-key", prod: "prod-api-key", ...(isRecord(given.apiKeys) && given.apiKeys) };
      return `api-key: ${keys.test} (test) or ${keys.prod} (prod)`;
    }
    case "onlinewerkrooster":
      return `apikey: ${given.apiKey ?? "demo-apikey"}, CustomerKey: ${given.customerKey ?? "demo-customerkey"}`;
    case "cyclesoftware":
      return `HTTP Basic ${given.username ?? "demo"} / ${given.password ?? "demo"}; ${given.perMinute ?? 360} requests a minute, ${given.perDay ?? 15000} a day`;
    default:
      return "no authentication (the document names none)";
  }
}
