// Compile-time tests: `tsc -p .` fails when a line marked @ts-expect-error compiles or an Expect<…> is false.
// Nothing here runs: the checks sit in a function that is never called, so importing this file does nothing.
import type { Equal, Expect } from "@clientele/testkit/type-assert";
import {
  type Cube4salesClient,
  type Customer,
  type CustomerCreate,
  type CustomerFields,
  type CustomerList,
  type CustomerUpdate,
  createCube4salesClient,
  type Forbidden,
} from "../src/index.js";

export type FriendlyTypes = [
  // "typically the id from your CRM system": a number or any other id (x-inferred).
  Expect<Equal<CustomerCreate["customer_id"], number | string>>,
  Expect<Equal<CustomerCreate["assignment_id"], number>>,
  // The record's standard fields, optional, typed as a record shows them: `null` is "no data registered" (x-inferred).
  Expect<Equal<CustomerCreate["name"], string | null | undefined>>,
  Expect<Equal<CustomerCreate["zip_code"], string | null | undefined>>,
  Expect<Equal<CustomerUpdate["city"], string | null | undefined>>,
  Expect<Equal<CustomerUpdate["org_name"], string | null | undefined>>,
  // A forbidden field's type says why, in tsc's error text (test/forbidden-fields.test.ts reads that text).
  Expect<
    Equal<
      CustomerUpdate["customer_id"],
      | Forbidden<"customer_id is not sent in updateCustomer's body: it goes in the path, as updateCustomer's customerId argument">
      | undefined
    >
  >,
  Expect<
    Equal<
      CustomerUpdate["assignment_id"],
      Forbidden<"assignment_id cannot be sent in updateCustomer's body: the API does not allow it there"> | undefined
    >
  >,
  // Closed: the document's "etc.." and its assignment-specific fields go through extraBody.
  Expect<Equal<keyof CustomerCreate, "customer_id" | "assignment_id" | keyof CustomerFields>>,
  Expect<Equal<keyof CustomerUpdate, "customer_id" | "assignment_id" | keyof CustomerFields>>,
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

  cube.createCustomer({ customer_id: 2488539, assignment_id: 9, name: "Lastname, Firstname" });
  // @ts-expect-error a misspelt field: "etc.." no longer opens the body to any key (name)
  cube.createCustomer({ customer_id: 2488539, assignment_id: 9, nmae: "Lastname, Firstname" });
  cube.createCustomer({ customer_id: 2488539, assignment_id: 9, city: "ELVERUM", zip_code: "2406", org_name: null });
  // @ts-expect-error a misspelt standard field (zip_code)
  cube.createCustomer({ customer_id: 2488539, assignment_id: 9, zipcode: "2406" });
  // @ts-expect-error a standard field has the record's type: a string or null
  cube.updateCustomer(2488539, { number_of_employees: 6 });
  // null: no data registered, as a record shows it
  cube.updateCustomer(2488539, { city: null, phone_2: "99999998" });
  // @ts-expect-error a field Cube keeps itself is not a typed field of the body
  cube.updateCustomer(2488539, { updated: "2016-04-07" });
  // @ts-expect-error a standard field in extraBody, which would skip its type check
  cube.updateCustomer(2488539, {}, { extraBody: { city: "ELVERUM" } });
  // @ts-expect-error an assignment-specific field in the body: it goes through extraBody
  cube.createCustomer({ customer_id: 2488539, assignment_id: 9, Region: "Innlandet" });
  // Assignment-specific fields have no fixed names: they go through extraBody, any name, any JSON value.
  cube.createCustomer({ customer_id: 2488539, assignment_id: 9 }, { extraBody: { Region: "Innlandet", Hoved: null } });
  cube.updateCustomer(2488539, { name: "Lastname, Firstname" }, { extraBody: { Klassifisering: "C" } });
  // @ts-expect-error a documented field in extraBody, which would skip its type check
  cube.createCustomer({ customer_id: 2488539, assignment_id: 9 }, { extraBody: { name: "Lastname, Firstname" } });
  // @ts-expect-error a forbidden field cannot come in through extraBody either
  cube.updateCustomer(2488539, {}, { extraBody: { assignment_id: 10 } });
  // @ts-expect-error extraBody is for calls with a body
  cube.listCustomers({ assignment_id: 9 }, { extraBody: { Region: "Innlandet" } });
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
