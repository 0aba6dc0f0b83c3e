import type { DriftReport, LogEvent } from "@clientele/core";
import { createCube4salesClient } from "@clientele/cube4sales";
import { createCubitClient } from "@clientele/cubit";
import { createCycleSoftwareClient } from "@clientele/cyclesoftware";
import { ResponseValidationError } from "@clientele/cyclesoftware/validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fault, startFaultServer } from "../../src/fault-server.ts";
import { documentedResponses, loadSpec } from "../../src/spec.ts";
import { validatorsOf } from "./providers.ts";

const PASSWORD = "s3cret-passw0rd";
const [cycleAnswer] = documentedResponses(loadSpec("cyclesoftware"), "getCustomer");
const [cubeAnswer] = documentedResponses(loadSpec("cube4sales"), "listCustomers");
const cycleCustomer = cycleAnswer?.body as Record<string, unknown>;
const cubeRecords = cubeAnswer?.body as Record<string, unknown>[];
const cubitCustomer = { Number: "1234567", FirstName: "Ola", LastName: "Normann" };
const rateLimitHeaders: Record<string, string> = {
  "x-ratelimit-minutely-limit": "360",
  "x-ratelimit-minutely-remaining": "359",
  "x-ratelimit-daily-limit": "15000",
  "x-ratelimit-daily-remaining": "14999",
  "x-ratelimit-daily-reset": "1678230000",
};
const without = (headers: Record<string, string>, name: string) =>
  Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));

type Provider = "cyclesoftware" | "cube4sales" | "cubit";
interface Row {
  provider: Provider;
  answer: { reply: number; json?: unknown; headers?: Record<string, string> };
  want: { kind: DriftReport["kind"]; pointer: string; expected: RegExp; inferred?: RegExp; actual?: RegExp };
}

/** Each kind of drift, alone in an otherwise documented answer. */
const rows: [string, Row][] = [
  [
    "wrong type (inferred)",
    {
      provider: "cube4sales",
      answer: { reply: 200, json: [{ ...cubeRecords[0], gender: 1 }] },
      want: {
        kind: "type",
        pointer: "/0/gender",
        expected: /^string or null$/,
        inferred: /string is assumed because every non-null standard field/,
      },
    },
  ],
  [
    "missing required field (ancestor inferred)",
    {
      provider: "cube4sales",
      answer: { reply: 200, json: [without(cubeRecords[0] as Record<string, string>, "city")] },
      want: {
        kind: "required",
        pointer: "/0/city",
        expected: /required/,
        inferred: /^Which fields are standard \(and so required\)/,
      },
    },
  ],
  [
    "extra field on a closed object",
    {
      provider: "cyclesoftware",
      answer: { reply: 200, json: { ...cycleCustomer, loyalty_points: 5 }, headers: rateLimitHeaders },
      want: { kind: "extra", pointer: "/loyalty_points", expected: /not in the spec/ },
    },
  ],
  [
    "undocumented status",
    {
      provider: "cyclesoftware",
      answer: { reply: 403, json: { message: "Forbidden" }, headers: rateLimitHeaders },
      want: { kind: "status", pointer: "", expected: /200, 401, 404, 429/, actual: /^403$/ },
    },
  ],
  [
    "malformed date (the vendor's YYYY-MM-DD HH:MM:SS)",
    {
      provider: "cyclesoftware",
      answer: {
        reply: 200,
        json: { ...cycleCustomer, datetime_created: "2023-01-03T12:30:44Z" },
        headers: rateLimitHeaders,
      },
      want: {
        kind: "pattern",
        pointer: "/datetime_created",
        expected: /\\d\{4\}-/,
        inferred: /^Inferred \(004_c8c2aa229665ab2a\.txt\): the document describes a single Customer/,
      },
    },
  ],
  [
    "missing rate-limit header (inferred)",
    {
      provider: "cyclesoftware",
      answer: { reply: 200, json: cycleCustomer, headers: without(rateLimitHeaders, "x-ratelimit-daily-reset") },
      want: {
        kind: "header",
        pointer: "header:x-ratelimit-daily-reset",
        expected: /documented/,
        inferred: /Unix timestamp/,
      },
    },
  ],
  [
    "a secret in a drifted value is redacted",
    {
      provider: "cyclesoftware",
      answer: { reply: 200, json: { ...cycleCustomer, note: `pw ${PASSWORD}` }, headers: rateLimitHeaders },
      want: { kind: "extra", pointer: "/note", expected: /not in the spec/, actual: /^string "pw \[redacted\]"$/ },
    },
  ],
  [
    "impossible calendar date (format: date, inferred)",
    {
      provider: "cube4sales",
      answer: { reply: 200, json: [{ ...cubeRecords[0], updated: "2016-02-30" }] },
      want: { kind: "format", pointer: "/0/updated", expected: /YYYY-MM-DD/, inferred: /calendar date/ },
    },
  ],
];

let answer: Fault = { reply: 500 };
let server: Awaited<ReturnType<typeof startFaultServer>>;
beforeAll(async () => {
  server = await startFaultServer(() => answer);
});
afterAll(() => server.close());

/** The call each provider makes, with its client in the given mode; resolves to what the caller saw. */
function call(provider: Provider, options: object): Promise<unknown> {
  const baseUrl = server.url;
  const validators = validatorsOf[provider];
  if (provider === "cube4sales")
    return createCube4salesClient({ account: "acme", baseUrl, validators, ...options }).listCustomers({
      assignment_id: 9,
    });
  if (provider === "cubit")
    return createCubitClient({ apiKey: "k", environment: "test", baseUrl, validators, ...options }).getCustomer(
      "1234567",
    );
  return createCycleSoftwareClient({
    username: "u",
    password: PASSWORD,
    baseUrl,
    validators,
    maxRetries: 0,
    ...options,
  }).getCustomer(1006);
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (data) => ({ data }),
    (error: Error) => ({ error: error.name }),
  );

describe("a server answering each kind of drift", () => {
  it.each(rows)("%s: one report naming the pointer", async (_, { provider, answer: given, want }) => {
    answer = given;
    const plain = await outcome(call(provider, {}));
    const reports: DriftReport[] = [];
    const warned = await outcome(call(provider, { validate: "warn", onDrift: (r: DriftReport) => reports.push(r) }));

    expect(warned).toEqual(plain); // warn never changes what the call returns
    expect(reports).toHaveLength(1);
    const [report] = reports as [DriftReport];
    expect(report).toMatchObject({ kind: want.kind, pointer: want.pointer, status: given.reply });
    expect(report.expected).toMatch(want.expected);
    if (want.actual) expect(report.actual).toMatch(want.actual);
    if (want.inferred) {
      expect(report.inferred).toMatch(want.inferred);
      expect(report.message).toContain(`The spec inferred this: ${report.inferred}`);
    } else expect(report.inferred).toBeUndefined();
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
  });

  it("throw mode rejects with a ResponseValidationError carrying the reports, and does not retry", async () => {
    answer = { reply: 200, json: { ...cycleCustomer, loyalty_points: 5 }, headers: rateLimitHeaders };
    const before = server.received.length;
    const error = await call("cyclesoftware", { validate: "throw", maxRetries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const { reports, status, body } = error as ResponseValidationError;
    expect(status).toBe(200);
    expect(body).toMatchObject({ loyalty_points: 5 });
    expect(reports.map((r) => r.pointer)).toEqual(["/loyalty_points"]);
    expect((error as Error).message).toMatch(
      /^getCustomer: GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/customers\/1006\.json answered 200 outside its spec: getCustomer 200: \/loyalty_points/,
    );
    expect(server.received.length - before).toBe(1);
  });

  it("the default warning goes to the logger once per distinct mismatch, not once per call or per record", async () => {
    answer = {
      reply: 200,
      json: [
        { ...cubeRecords[0], gender: 1 },
        { ...cubeRecords[0], gender: 2 },
      ],
    };
    const events: LogEvent[] = [];
    const client = createCube4salesClient({
      account: "acme",
      baseUrl: server.url,
      validate: "warn",
      validators: validatorsOf.cube4sales,
      logger: (event) => events.push(event),
    });
    await client.listCustomers({ assignment_id: 9 });
    await client.listCustomers({ assignment_id: 9 });
    const drift = events.filter((e) => e.type === "drift");
    expect(drift.map((e) => e.type === "drift" && e.report.pointer)).toEqual(["/0/gender"]);
    expect(drift[0]).toMatchObject({ operationId: "listCustomers", method: "GET" });
  });

  it("a documented answer leaves no report", async () => {
    answer = { reply: 200, json: cycleCustomer, headers: rateLimitHeaders };
    const reports: DriftReport[] = [];
    await call("cyclesoftware", { validate: "warn", onDrift: (r: DriftReport) => reports.push(r) });
    expect(reports).toEqual([]);
  });
});

describe("turning validation on", () => {
  const make = (options: object) => () => createCubitClient({ apiKey: "k", environment: "test", ...options });
  it.each([
    [
      "validate without validators",
      { validate: "warn" },
      /option "validators" is required to validate: pass the package's "\/validate" export/,
    ],
    [
      "validators that are not the generated ones",
      { validate: "warn", validators: {} },
      /option "validators" is required to validate/,
    ],
    ["onDrift without validators", { onDrift: () => {} }, /option "validators" is required to validate/],
    [
      "an unknown mode",
      { validate: "loud", validators: validatorsOf.cubit },
      /option "validate" must be "off", "warn" or "throw"/,
    ],
    [
      "onDrift while validation is off",
      { validators: validatorsOf.cubit, onDrift: () => {} },
      /option "onDrift" is set but "validate" is off/,
    ],
    [
      "onDrift that is no function",
      { validate: "warn", validators: validatorsOf.cubit, onDrift: 1 },
      /option "onDrift" must be a function/,
    ],
  ])("%s is an OptionError", (_, options, message) => {
    expect(make(options)).toThrow(
      expect.objectContaining({ name: "OptionError", message: expect.stringMatching(message) }),
    );
  });

  it("validators of another API are named as such on the first call", async () => {
    answer = { reply: 200, json: cubitCustomer };
    const client = createCubitClient({
      apiKey: "k",
      environment: "test",
      baseUrl: server.url,
      validate: "warn",
      validators: validatorsOf.cube4sales,
    });
    await expect(client.getCustomer("1")).rejects.toThrow(/no validator for operation "getCustomer"/);
  });
});
