import { createCube4salesClient } from "@clientele/cube4sales";
import { createCubitClient } from "@clientele/cubit";
import { createCycleSoftwareClient } from "@clientele/cyclesoftware";
import { createOnlinewerkroosterClient } from "@clientele/onlinewerkrooster";

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
