// Compile-time tests: `tsc -p .` fails when a line marked @ts-expect-error compiles or an Expect<…> is false.
// Nothing here runs: the checks sit in a function that is never called, so importing this file does nothing.
import type { Equal, Expect } from "../../../tests/support/type-assert.js";
import {
  type Cube4salesClient,
  type Customer,
  type CustomerCreate,
  type CustomerList,
  type CustomerUpdate,
  createCube4salesClient,
} from "../src/index.js";

export type FriendlyTypes = [
  // "typically the id from your CRM system": a number or any other id (x-inferred).
  Expect<Equal<CustomerCreate["customer_id"], number | string>>,
  Expect<Equal<CustomerCreate["assignment_id"], number>>,
  Expect<Equal<CustomerCreate["name"], string | undefined>>,
  Expect<Equal<CustomerUpdate["customer_id"], undefined>>,
  Expect<Equal<CustomerList, Customer[]>>,
  Expect<Equal<Customer["customer_id"], number | string>>,
  Expect<Equal<Customer["city"], string | null>>,
  // A company field: seen only in a B2B-assignment's record, so it may be missing (x-inferred).
  Expect<Equal<Customer["org_number"], string | null | undefined>>,
  Expect<Equal<Customer["number_of_employees"], string | null | undefined>>,
  // Assignment-specific fields have no fixed names.
  Expect<Equal<Customer["Klassifisering"], unknown>>,
];

export type MethodShapes = [
  Expect<Equal<Parameters<Cube4salesClient["updateCustomer"]>[0], number | string>>,
  Expect<Equal<Parameters<Cube4salesClient["listCustomers"]>[0], { assignment_id: number }>>,
  Expect<Equal<Awaited<ReturnType<Cube4salesClient["listCustomers"]>>, Customer[]>>,
  Expect<Equal<Awaited<ReturnType<Cube4salesClient["updateCustomer"]>>, undefined>>,
  Expect<Equal<Awaited<ReturnType<Cube4salesClient["createCustomer"]>>, undefined>>,
];

export function cube4salesTypeChecks(cube: Cube4salesClient, token: string) {
  createCube4salesClient({ account: "youraccount", headers: { authorization: `Bearer ${token}` } });
  createCube4salesClient({ account: "youraccount" });
  // @ts-expect-error a missing required option: account
  createCube4salesClient({ headers: { authorization: token } });
  // @ts-expect-error a wrong environment: Cube4sales has a single server and no environment option
  createCube4salesClient({ account: "youraccount", environment: "prod" });
  // @ts-expect-error header values are strings
  createCube4salesClient({ account: "youraccount", headers: { "x-retries": 1 } });

  cube.createCustomer({ customer_id: 2488539, assignment_id: 9, name: "Lastname, Firstname", Region: "Innlandet" });
  // @ts-expect-error a missing required field: assignment_id
  cube.createCustomer({ customer_id: 2488539 });
  // @ts-expect-error a field the update may not send: "any parameter (except the customer_id and the assignment_id)"
  cube.updateCustomer(2488539, { assignment_id: 10 });
  cube.createCustomer({ customer_id: "CRM-2488539", assignment_id: 9 });
  cube.updateCustomer("CRM-2488539", { name: "Lastname, Firstname" });
  // @ts-expect-error a field the update may not send, however it is written
  cube.updateCustomer(2488539, { customer_id: "CRM-2488539" });
  // @ts-expect-error a wrong path-parameter type: the customer ID is a number or a string
  cube.updateCustomer(true, { name: "Lastname, Firstname" });
  // @ts-expect-error a missing required query parameter: assignment_id
  cube.listCustomers({});
  // @ts-expect-error an unknown operation
  cube.deleteCustomer(2488539);
}
