// Compile-time tests of the client's surface from issue 13: `tsc -p .` fails when a line marked @ts-expect-error
// compiles or an Expect<…> is false. Nothing here runs.
import type { Equal, Expect } from "@clientele/testkit/type-assert";
import {
  type APIError,
  type ApiError,
  type ClienteleError,
  type CubitClient,
  type CubitClientOptions,
  createCubitClient,
  createCubitRawClient,
  type LogLevel,
  type OptionError,
  type PermissionDeniedError,
  type UserAbortError,
} from "../src/index.js";

export type Surface = [
  Expect<Equal<Awaited<ReturnType<ReturnType<CubitClient["getCustomer"]>["asResponse"]>>, Response>>,
  Expect<Equal<ApiError["hint"], string | undefined>>,
  Expect<Equal<CubitClientOptions["logLevel"], LogLevel | undefined>>,
  Expect<Equal<LogLevel, "debug" | "info" | "warn" | "error" | "off">>,
  Expect<PermissionDeniedError extends ApiError ? true : false>,
  Expect<ApiError extends ClienteleError ? true : false>,
  Expect<OptionError extends ClienteleError ? true : false>,
  Expect<UserAbortError extends ClienteleError ? true : false>,
  Expect<Equal<typeof APIError, typeof ApiError>>,
];

export async function clientSurfaceChecks(apiKey: string) {
  const cubit = createCubitClient({ apiKey, environment: "test", logLevel: "warn" });
  // @ts-expect-error raw left the client: createCubitRawClient gives the openapi-fetch client
  cubit.raw;
  const raw = createCubitRawClient({ apiKey, environment: "test" });
  await raw.GET("/api/customer/{number}", { params: { path: { number: "1234567" } } });
  // @ts-expect-error a level the logger does not know
  createCubitClient({ apiKey, environment: "test", logLevel: "verbose" });
  const response: Response = await cubit.getCustomer("1234567").asResponse();
  return response.body;
}
