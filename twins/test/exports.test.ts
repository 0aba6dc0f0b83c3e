// The package's public surface: what it exports at run time, and that its records are the provider packages'
// generated models rather than twins of them (the type assertions fail `tsc -p .`, which the test run includes).
import type * as Cube4sales from "@clientele/cube4sales";
import type * as Cubit from "@clientele/cubit";
import type * as CycleSoftware from "@clientele/cyclesoftware";
import type * as Onlinewerkrooster from "@clientele/onlinewerkrooster";
import { expect, expectTypeOf, test } from "vitest";
import type { FixturesOf, RunningTwin, TwinOf, TwinTypes } from "../src/index.js";
import * as twins from "../src/index.js";

test("the run-time exports are the published ones", async () => {
  await expect(`${Object.keys(twins).sort().join("\n")}\n`).toMatchFileSnapshot("__snapshots__/exports.txt");
});

test("fixtures and state are the generated models of each provider package", () => {
  expectTypeOf<FixturesOf<"cubit">["test"]>().toEqualTypeOf<
    { customers?: Cubit.CustomerUpsert[]; plants?: Cubit.PlantUpsert[] } | undefined
  >();
  expectTypeOf<TwinTypes["cubit"]["state"]["prod"]["customers"]>().toEqualTypeOf<Cubit.Customer[]>();
  expectTypeOf<TwinTypes["cube4sales"]["state"]["customers"]>().toEqualTypeOf<Cube4sales.Customer[]>();
  expectTypeOf<FixturesOf<"cube4sales">["customers"]>().toEqualTypeOf<Cube4sales.CustomerCreate[] | undefined>();
  expectTypeOf<TwinTypes["cyclesoftware"]["state"]["customers"]>().toEqualTypeOf<CycleSoftware.Customer[]>();
  expectTypeOf<FixturesOf<"cyclesoftware">["customers"]>().toEqualTypeOf<CycleSoftware.CustomerInput[] | undefined>();
  expectTypeOf<FixturesOf<"onlinewerkrooster">["customers"]>().toEqualTypeOf<
    Onlinewerkrooster.CustomerCreate[] | undefined
  >();
  // A created customer is what was sent plus the ids the twin assigned: still a CustomerCreated.
  expectTypeOf<
    TwinTypes["onlinewerkrooster"]["state"]["customers"][number]
  >().toExtend<Onlinewerkrooster.CustomerCreated>();
  expectTypeOf<RunningTwin<"cubit">>().toExtend<TwinOf<"cubit">>();
  expect(Object.keys(twins.twinFactories)).toEqual(Object.keys(twins.twinCredentials));
});
