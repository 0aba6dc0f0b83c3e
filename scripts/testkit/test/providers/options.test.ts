// The options every factory takes (baseUrl, fetch, timeout, maxRetries, headers, logger), for every provider in
// the registry; each provider's own options are tested in its package (packages/<id>/test/options.test.ts).
import { describe } from "vitest";
import { commonOptionSuite } from "../../src/options.js";
import { providers } from "../../src/providers.js";

describe.each(providers.map((p) => [p.id, p] as const))("%s", (_, kit) => {
  commonOptionSuite({ factory: kit.factoryName, create: kit.createClient, valid: kit.options, secrets: kit.secrets });
});
