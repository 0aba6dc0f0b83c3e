import { createCube4salesClient } from "../../packages/cube4sales/src/index.js";
import { createCubitClient } from "../../packages/cubit/src/index.js";
import { createCycleSoftwareClient } from "../../packages/cyclesoftware/src/index.js";
import { createOnlinewerkroosterClient } from "../../packages/onlinewerkrooster/src/index.js";

/** A full client per provider, pointed at its mock: the fuzzer calls the generated methods as users do. */
export const fuzzClients: Record<string, (baseUrl: string) => object> = {
  cubit: (baseUrl) => createCubitClient({ apiKey: "fuzz-api-key", environment: "test", baseUrl }),
  onlinewerkrooster: (baseUrl) =>
    createOnlinewerkroosterClient({
      apiKey: "fuzz-api-key",
      customerKey: "fuzz-customer-key",
      environment: "dev",
      baseUrl,
    }),
  cube4sales: (baseUrl) =>
    createCube4salesClient({ account: "youraccount", headers: { authorization: "Bearer fuzz-token" }, baseUrl }),
  cyclesoftware: (baseUrl) => createCycleSoftwareClient({ username: "fuzz-user", password: "fuzz-password", baseUrl }),
};
