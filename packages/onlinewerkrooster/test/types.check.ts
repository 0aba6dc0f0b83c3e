// Compile-time tests: `tsc -p .` fails when a line marked @ts-expect-error compiles or an Expect<…> is false.
// Nothing here runs: the checks sit in a function that is never called, so importing this file does nothing.
import type { Equal, Expect } from "@clientele/testkit/type-assert";
import {
  type CustomerCreate,
  type CustomerCreated,
  createOnlinewerkroosterClient,
  type ErrorMessage,
  type OnlinewerkroosterClient,
} from "../src/index.js";

export type FriendlyTypes = [
  Expect<Equal<CustomerCreate["extCustomerId"], number>>,
  Expect<Equal<CustomerCreate["extCustomerNumber"], string>>,
  Expect<Equal<CustomerCreate["name"], string>>,
  Expect<Equal<CustomerCreate["enterpriseNumber"], string>>,
  Expect<Equal<CustomerCreate["address"]["city"], string>>,
  Expect<Equal<CustomerCreate["address"]["street"], string | undefined>>,
  Expect<Equal<CustomerCreate["address"]["postalCode"], string | undefined>>,
  // customerId is required (x-inferred): the success example shows it and it names the new customer.
  Expect<Equal<CustomerCreated, { companyId?: number; customerId: number; extCustomerId?: number }>>,
  Expect<Equal<CustomerCreated["customerId"], number>>,
  Expect<Equal<ErrorMessage, string>>,
];

export type MethodShapes = [
  Expect<Equal<Parameters<OnlinewerkroosterClient["createCustomer"]>[0], CustomerCreate>>,
  Expect<Equal<Awaited<ReturnType<OnlinewerkroosterClient["createCustomer"]>>, CustomerCreated>>,
];

export async function onlinewerkroosterTypeChecks(owr: OnlinewerkroosterClient, apiKey: string, customerKey: string) {
  createOnlinewerkroosterClient({ apiKey, customerKey, environment: "dev" });
  createOnlinewerkroosterClient({ apiKey, customerKey, environment: "prod", timeout: 10_000 });
  // @ts-expect-error a missing credential: customerKey (the curl example leaves it out; the header table requires it)
  createOnlinewerkroosterClient({ apiKey, environment: "dev" });
  // @ts-expect-error a missing environment: there is no default
  createOnlinewerkroosterClient({ apiKey, customerKey });
  // @ts-expect-error a wrong environment literal (Cubit's, not Onlinewerkrooster's)
  createOnlinewerkroosterClient({ apiKey, customerKey, environment: "test" });
  // @ts-expect-error an option it does not have
  createOnlinewerkroosterClient({ apiKey, customerKey, environment: "dev", account: "acme" });

  const base = {
    extCustomerId: 1001,
    extCustomerNumber: "1001",
    enterpriseNumber: "BE01234567899",
    name: "OWR.GG.1001",
  };
  owr.createCustomer({ ...base, address: { city: "Lommel" } });
  const created = await owr.createCustomer({ ...base, address: { city: "Lommel" } });
  // The new customer's id needs no `!`: required (x-inferred, the success example shows it).
  const customerId: number = created.customerId;
  // @ts-expect-error companyId stays optional: the document does not describe it
  const companyId: number = created.companyId;
  void [customerId, companyId];
  // @ts-expect-error a missing required field: address.city
  owr.createCustomer({ ...base, address: { street: "Louis Pasteurstraat" } });
  // @ts-expect-error a missing required field: address
  owr.createCustomer(base);
  // @ts-expect-error a field of the wrong type: extCustomerId is numeric
  owr.createCustomer({ ...base, extCustomerId: "1001", address: { city: "Lommel" } });
  // @ts-expect-error a missing body
  owr.createCustomer();
  // @ts-expect-error an unknown operation: the document names no retrieval
  owr.getCustomer(10);
}
