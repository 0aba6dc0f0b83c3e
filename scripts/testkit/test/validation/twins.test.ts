import type { DriftReport } from "@clientele/core";
import { createCube4salesClient } from "@clientele/cube4sales";
import { createCubitClient } from "@clientele/cubit";
import { createCycleSoftwareClient } from "@clientele/cyclesoftware";
import { createOnlinewerkroosterClient } from "@clientele/onlinewerkrooster";
import { startTwin } from "@clientele/twins";
import { afterAll, describe, expect, it } from "vitest";
import { validatorsOf } from "./providers.ts";

const stops: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(stops.map((stop) => stop())));

/** A client option set in warn mode that collects every report. */
function warnInto(provider: string, reports: DriftReport[]) {
  return {
    validate: "warn",
    validators: validatorsOf[provider],
    onDrift: (r: DriftReport) => reports.push(r),
    maxRetries: 0,
  } as const;
}

/** Settles a call, keeping only whether it failed: documented errors are part of the scenario. */
const settle = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: Error) => error.name,
  );

/** Per provider: every operation against its twin (seeded with the vendor's examples), documented errors included. */
const scenarios: [string, (url: string, reports: DriftReport[]) => Promise<string[]>][] = [
  [
    "cubit",
    async (baseUrl, reports) => {
      const cubit = createCubitClient({
        apiKey: "test-api-key",
        environment: "test",
        baseUrl,
        ...warnInto("cubit", reports),
      });
      return Promise.all([
        settle(
          cubit.upsertCustomer({
            Number: "1234567",
            FirstName: "Ola",
            LastName: "Normann",
            SocialSecurityNumber: "01017012345",
          }),
        ),
        settle(cubit.getCustomer("1234567")),
        settle(cubit.upsertPlant({ Number: "P1" })),
        settle(cubit.getPlant("P1")),
        settle(cubit.getCustomer("404404")),
      ]).then(async (first) => [
        ...first,
        await settle(cubit.deleteCustomer("1234567")),
        await settle(cubit.deletePlant("P1")),
      ]);
    },
  ],
  [
    "onlinewerkrooster",
    async (baseUrl, reports) => {
      const owr = createOnlinewerkroosterClient({
        apiKey: "demo-apikey",
        customerKey: "demo-customerkey",
        environment: "dev",
        baseUrl,
        ...warnInto("onlinewerkrooster", reports),
      });
      const body = {
        extCustomerId: 2002,
        extCustomerNumber: "2002",
        enterpriseNumber: "BE01234567899",
        name: "OWR.GG.2002",
        address: { city: "Lommel" },
      };
      const outcomes = [await settle(owr.createCustomer(body)), await settle(owr.createCustomer(body))];
      expect(outcomes).toEqual(["ok", "ConflictError"]);
      return outcomes;
    },
  ],
  [
    "cube4sales",
    async (baseUrl, reports) => {
      const cube = createCube4salesClient({ account: "acme", baseUrl, ...warnInto("cube4sales", reports) });
      return [
        await settle(
          cube.createCustomer(
            { customer_id: "CRM-1", assignment_id: 9, name: "Doe, Jane" },
            { extraBody: { Region: "Øst" } },
          ),
        ),
        await settle(cube.updateCustomer("CRM-1", { name: "Doe, J." })),
        await settle(cube.listCustomers({ assignment_id: 9 })),
      ];
    },
  ],
  [
    "cyclesoftware",
    async (baseUrl, reports) => {
      const cycle = createCycleSoftwareClient({
        username: "demo",
        password: "demo",
        baseUrl,
        ...warnInto("cyclesoftware", reports),
      });
      const created = await cycle.createCustomer({ first_name: "Tim", name: "UnitTest", datetime_created: null });
      const outcomes = [
        await settle(cycle.getCustomer(created.customer_id)),
        await settle(cycle.updateCustomer(created.customer_id, { city: "Nistelrode" })),
        await settle(cycle.findCustomers({ query: "UnitTest" })),
        await settle(cycle.listCustomers({ modified_since: "2019-01-01 12:00:00" })),
        await settle(cycle.getCustomer(999_999)),
      ];
      const stranger = createCycleSoftwareClient({
        username: "demo",
        password: "wrong",
        baseUrl,
        ...warnInto("cyclesoftware", reports),
      });
      outcomes.push(await settle(stranger.getCustomer(1)));
      // Spend the minute's budget: the twin's 429 carries the documented headers too.
      for (let i = 0; i < 4; i++) outcomes.push(await settle(cycle.getCustomer(created.customer_id)));
      return outcomes;
    },
  ],
];

describe("the twins answer within their specs: zero drift in warn mode", () => {
  it.each(scenarios)("%s", async (provider, scenario) => {
    // A frozen clock: the twin's minute is a calendar minute, and a run that crossed one would get a fresh budget.
    const frozen = Date.UTC(2026, 0, 5, 10, 0, 30);
    const options = provider === "cyclesoftware" ? { perMinute: 8, now: () => frozen } : {};
    const twin = await startTwin(provider as "cubit", { seed: true, options: options as never });
    stops.push(() => twin.stop());
    const reports: DriftReport[] = [];
    const outcomes = await scenario(twin.url, reports);
    expect(reports.map((r) => r.message)).toEqual([]);
    expect(outcomes).toContain("ok");
    if (provider === "cyclesoftware")
      expect(outcomes).toEqual(expect.arrayContaining(["NotFoundError", "UnauthorizedError", "RateLimitError"]));
  });
});
