// `--credentials` of `clientele-twin`, in each provider's own form, as the options of its twin.
import { UsageError } from "./cli-usage.js";
import type { TwinProvider } from "./twin-types.js";

export function parseCredentials(provider: TwinProvider, value: string): Record<string, unknown> {
  const pair = (what: string) => {
    const at = value.indexOf(":");
    if (at <= 0 || at === value.length - 1) throw new UsageError(`--credentials for ${provider} must be ${what}`);
    return [value.slice(0, at), value.slice(at + 1)];
  };
  switch (provider) {
    case "cubit": {
      const apiKeys: Record<string, string> = {};
      for (const part of value.split(",")) {
        const [environment, key] = [part.slice(0, part.indexOf("=")), part.slice(part.indexOf("=") + 1)];
        if (!["test", "prod"].includes(environment) || !key || part.indexOf("=") < 0) {
          throw new UsageError(`--credentials for cubit must be test=KEY,prod=KEY (either or both), got "${value}"`);
        }
        apiKeys[environment] = key;
      }
      return { apiKeys };
    }
    case "onlinewerkrooster": {
      const [apiKey, customerKey] = pair("APIKEY:CUSTOMERKEY");
      return { apiKey, customerKey };
    }
    case "cyclesoftware": {
      const [username, password] = pair("USERNAME:PASSWORD");
      return { username, password };
    }
    default:
      throw new UsageError("--credentials: the cube4sales twin takes none (its document names no authentication)");
  }
}
