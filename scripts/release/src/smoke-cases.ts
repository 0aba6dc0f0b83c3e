// The one call the package smoke test makes with each provider's installed tarball, against that provider's Prism
// mock. check-packages fails when a provider in redocly.yaml has no entry here.

export interface SmokeCase {
  /** the full-client factory (used from ESM) */
  client: string;
  /** the transport factory (used from CJS, with the standalone operation function) */
  transport: string;
  /** the raw (openapi-fetch) client factory, built from CJS: openapi-fetch's CJS interop */
  raw: string;
  /** factory options, without `baseUrl` (the mock's URL is added) */
  options: Record<string, unknown>;
  /** an operationId: a method of the client and a standalone export */
  operation: string;
  /** the operation's arguments (after the transport, for the standalone function) */
  args: unknown[];
}

export const smokeCases: Record<string, SmokeCase> = {
  cubit: {
    client: "createCubitClient",
    transport: "createCubitTransport",
    raw: "createCubitRawClient",
    options: { apiKey: "test-api-key", environment: "test" },
    operation: "getCustomer",
    args: ["1234567"],
  },
  onlinewerkrooster: {
    client: "createOnlinewerkroosterClient",
    transport: "createOnlinewerkroosterTransport",
    raw: "createOnlinewerkroosterRawClient",
    options: { apiKey: "test-api-key", customerKey: "test-customer-key", environment: "dev" },
    operation: "createCustomer",
    args: [
      {
        extCustomerId: 1001,
        extCustomerNumber: "1001",
        enterpriseNumber: "BE01234567899",
        name: "OWR.GG.1001",
        address: { city: "Lommel" },
      },
    ],
  },
  cube4sales: {
    client: "createCube4salesClient",
    transport: "createCube4salesTransport",
    raw: "createCube4salesRawClient",
    options: { account: "youraccount", headers: { authorization: "Bearer test-token" } },
    operation: "listCustomers",
    args: [{ assignment_id: 9 }],
  },
  cyclesoftware: {
    client: "createCycleSoftwareClient",
    transport: "createCycleSoftwareTransport",
    raw: "createCycleSoftwareRawClient",
    options: { username: "Username", password: "Password" },
    operation: "getCustomer",
    args: [1006],
  },
};

/** A test suite's use of the twins, type-checked against the shipped declarations with the providers' own. */
export const twinsConsumer = [
  'import { startTwin, loadFixtures } from "@clientele/twins";',
  'import { createCycleSoftwareClient } from "@clientele/cyclesoftware";',
  "export async function useTwins() {",
  '  const twin = await startTwin("cyclesoftware", { seed: { customers: [{ name: "Ada" }] }, options: { pageSize: 2 } });',
  '  const client = createCycleSoftwareClient({ username: "demo", password: "demo", baseUrl: twin.url });',
  "  const id: number | undefined = twin.state().customers[0]?.customer_id;",
  '  const cubit = await startTwin("cubit", { seed: await loadFixtures("cubit"), maxExchanges: 10 });',
  "  const statuses: number[] = cubit.exchanges.map((e) => e.status);",
  "  await Promise.all([twin.stop(), cubit.stop()]);",
  "  return { client, id, statuses };",
  "}",
];
