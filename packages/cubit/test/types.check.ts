// Compile-time tests: `tsc -p .` fails when a line marked @ts-expect-error compiles or an Expect<…> is false.
// Nothing here runs: the checks sit in a function that is never called, so importing this file does nothing.
import type { Equal, Expect } from "@clientele/testkit/type-assert";
import {
  type CubitClient,
  type Customer,
  type CustomerUpsert,
  createCubitClient,
  type Plant,
  type PlantUpsert,
} from "../src/index.js";

export type FriendlyTypes = [
  Expect<Equal<CustomerUpsert["Number"], string>>,
  Expect<Equal<CustomerUpsert["FirstName"], string | undefined>>,
  Expect<Equal<CustomerUpsert["SocialSecurityNumber"], string | undefined>>,
  Expect<Equal<CustomerUpsert["AcceptElectronicCommunication"], boolean | undefined>>,
  Expect<Equal<Customer["Number"], string | undefined>>,
  Expect<Equal<Customer["ExternalHashID"], string | undefined>>,
  // Write-only: a retrieved customer declares no SocialSecurityNumber (only the open index signature answers).
  Expect<Equal<Customer["SocialSecurityNumber"], unknown>>,
  Expect<Equal<PlantUpsert["Number"], string>>,
  Expect<Equal<Plant["Number"], string | undefined>>,
];

export type MethodShapes = [
  Expect<Equal<Parameters<CubitClient["upsertCustomer"]>[0], CustomerUpsert>>,
  Expect<Equal<Parameters<CubitClient["getCustomer"]>[0], string>>,
  Expect<Equal<Parameters<CubitClient["deletePlant"]>[0], string>>,
  Expect<Equal<Awaited<ReturnType<CubitClient["getCustomer"]>>, Customer>>,
  Expect<Equal<Awaited<ReturnType<CubitClient["getPlant"]>>, Plant>>,
  Expect<Equal<Awaited<ReturnType<CubitClient["upsertCustomer"]>>, undefined>>,
  Expect<Equal<Awaited<ReturnType<CubitClient["deleteCustomer"]>>, undefined>>,
];

export function cubitTypeChecks(cubit: CubitClient, apiKey: string) {
  createCubitClient({ apiKey, environment: "test" });
  createCubitClient({ apiKey, environment: "prod", baseUrl: "http://127.0.0.1:4010", maxRetries: 0 });
  // @ts-expect-error a missing credential: apiKey
  createCubitClient({ environment: "test" });
  // @ts-expect-error a missing environment: there is no default
  createCubitClient({ apiKey });
  // @ts-expect-error a wrong environment literal
  createCubitClient({ apiKey, environment: "production" });
  // @ts-expect-error an option Cubit does not have
  createCubitClient({ apiKey, environment: "test", customerKey: "k" });

  cubit.upsertCustomer({ Number: "1234567", FirstName: "Ola", LastName: "Normann" });
  // @ts-expect-error a misspelt field: the document's "..." no longer opens the body to any key (FirstName)
  cubit.upsertCustomer({ Number: "42", Firstname: "Typo" });
  // @ts-expect-error an undocumented field in the body: it goes through extraBody
  cubit.upsertCustomer({ Number: "1234567", Custom: 1 });
  // The document's "..." fields: explicit, beside the checked ones.
  cubit.upsertCustomer({ Number: "1234567", FirstName: "Ola" }, { extraBody: { Custom: 1, Tier: "gold" } });
  cubit.upsertPlant({ Number: "P-100" }, { extraBody: { Name: "Plant 100" }, timeout: 5_000 });
  // @ts-expect-error a documented field in extraBody, which would skip its type check
  cubit.upsertCustomer({ Number: "1234567" }, { extraBody: { FirstName: "Ola" } });
  // @ts-expect-error extraBody is for calls with a body
  cubit.getCustomer("1234567", { extraBody: { Custom: 1 } });
  // @ts-expect-error extraBody is an object of fields
  cubit.upsertCustomer({ Number: "1234567" }, { extraBody: "Custom=1" });
  // @ts-expect-error a missing required field: Number
  cubit.upsertCustomer({ FirstName: "Ola", LastName: "Normann" });
  // @ts-expect-error a field of the wrong type
  cubit.upsertCustomer({ Number: 1234567 });
  // @ts-expect-error a wrong path-parameter type: the customer number is a string
  cubit.getCustomer(1234567);
  // @ts-expect-error a missing path parameter
  cubit.deleteCustomer();
  // @ts-expect-error the environment comes from the client's options, never from a call
  cubit.deleteCustomer("test", "1234567");
  // @ts-expect-error an unknown operation
  cubit.listCustomers();
  // @ts-expect-error an unknown per-call option
  cubit.getCustomer("1234567", { retries: 1 });
}
