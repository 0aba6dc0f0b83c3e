// Compile-time tests: `tsc -p .` fails when a line marked @ts-expect-error compiles or an Expect<…> is false.
// Nothing here runs: the checks sit in a function that is never called, so importing this file does nothing.
import type { Equal, Expect } from "@clientele/testkit/type-assert";
import {
  type ApiResult,
  type Customer,
  type CustomerInput,
  type CustomerList,
  type CycleSoftwareClient,
  createCycleSoftwareClient,
  formatDateTime,
  type PagePromise,
  type PhoneNumber,
  type RateLimit,
} from "../src/index.js";

export type FriendlyTypes = [
  // Required in responses (x-inferred): every customer the document shows carries it.
  Expect<Equal<Customer["customer_id"], number>>,
  Expect<Equal<Customer["datetime_created"], string | null | undefined>>,
  Expect<Equal<Customer["house_number"], string | undefined>>,
  Expect<Equal<Customer["discount_percentage"], number | undefined>>,
  // Required in responses too (x-inferred): every phone number the document shows carries both ids.
  Expect<Equal<NonNullable<Customer["phone_numbers"]>[number]["customer_id"], number>>,
  Expect<Equal<NonNullable<Customer["phone_numbers"]>[number]["phone_number_id"], string>>,
  Expect<Equal<PhoneNumber["phone_number"], string | undefined>>,
  Expect<Equal<CustomerInput["customer_id"], number | undefined>>,
  Expect<Equal<CustomerList["customers"], Customer[] | undefined>>,
  Expect<Equal<NonNullable<CustomerList["pagination"]>["next_offset"], number | null | undefined>>,
];

export type MethodShapes = [
  Expect<Equal<Parameters<CycleSoftwareClient["getCustomer"]>[0], number>>,
  Expect<Equal<Parameters<CycleSoftwareClient["createCustomer"]>[0], CustomerInput>>,
  Expect<Equal<Awaited<ReturnType<CycleSoftwareClient["getCustomer"]>>, Customer>>,
  Expect<Equal<Awaited<ReturnType<CycleSoftwareClient["updateCustomer"]>>, Customer>>,
  Expect<Equal<Awaited<ReturnType<CycleSoftwareClient["findCustomers"]>>, Customer[]>>,
  Expect<Equal<ReturnType<CycleSoftwareClient["listCustomers"]>, PagePromise<CustomerList, Customer>>>,
  Expect<
    Equal<Awaited<ReturnType<ReturnType<CycleSoftwareClient["getCustomer"]>["withResponse"]>>, ApiResult<Customer>>
  >,
  Expect<Equal<ApiResult<Customer>["rateLimit"], RateLimit | undefined>>,
  Expect<Equal<CycleSoftwareClient["rateLimit"], RateLimit | undefined>>,
];

export async function cycleSoftwareTypeChecks(cycle: CycleSoftwareClient, username: string, password: string) {
  createCycleSoftwareClient({ username, password });
  createCycleSoftwareClient({ username, password, requestsPerMinute: 360, baseUrl: "http://127.0.0.1:4010" });
  // @ts-expect-error a missing credential: password
  createCycleSoftwareClient({ username });
  // @ts-expect-error a wrong environment: CycleSoftware has a single server and no environment option
  createCycleSoftwareClient({ username, password, environment: "prod" });
  // @ts-expect-error a credential of the wrong type
  createCycleSoftwareClient({ username, password: 4711 });

  for await (const customer of cycle.listCustomers({ modified_since: "2019-01-01 12:00:00" })) {
    const typed: Customer = customer;
    // The record's id needs no `!`: required in responses (x-inferred, every example carries it).
    const id: number = customer.customer_id;
    void [typed, id];
  }
  const customer = await cycle.getCustomer(1006);
  const customerId: number = customer.customer_id;
  const phoneId: string | undefined = customer.phone_numbers?.[0]?.phone_number_id;
  // @ts-expect-error every other property stays optional: house_number may be missing
  const houseNumber: string = customer.house_number;
  // @ts-expect-error customer_id is a number, never a string
  const customerIdText: string = customer.customer_id;
  void [customerId, phoneId, houseNumber, customerIdText];
  // @ts-expect-error a missing required body
  cycle.createCustomer();
  // @ts-expect-error a wrong path-parameter type: customer_id is an int
  cycle.getCustomer("1006");
  // @ts-expect-error a wrong path-parameter type on update
  cycle.updateCustomer("4", {});
  // @ts-expect-error a query parameter of the wrong type: customer_type_id is an integer
  cycle.findCustomers({ customer_type_id: "2" });
  // @ts-expect-error modified_since is the document's `YYYY-MM-DD HH:MM:SS` string, not a Date
  cycle.listCustomers({ modified_since: new Date() });
  // A Date goes through the formatter, which names the time zone the document leaves open.
  cycle.listCustomers({ modified_since: formatDateTime(new Date(), { timeZone: "Europe/Amsterdam" }) });
  // @ts-expect-error the time zone is required: the document states none
  formatDateTime(new Date());
  // @ts-expect-error the time zone is required: the document states none
  formatDateTime(new Date(), {});
  // @ts-expect-error the formatter takes a Date, not text
  formatDateTime("2023-01-12 12:30:00", { timeZone: "UTC" });
  // @ts-expect-error an unknown operation: the document has no deletion
  cycle.deleteCustomer(1006);
  // @ts-expect-error the rate-limit figures are read-only
  cycle.rateLimit = undefined;
}
