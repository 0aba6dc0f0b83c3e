// Every registry provider against its Prism mock, with no hand-written line for it: each operation is called as
// the spec documents it (its examples, as the docs' samples show them), once with only the required inputs and once
// with every documented one. A provider's own test folder may add calls beyond its examples (contract.test.ts there).
import { inject } from "vitest";
import { type ContractTable, contractSuite } from "../../src/contract.js";
import { documentedInput } from "../../src/documented-input.js";
import { call, fuzzOperations } from "../../src/operation-calls.js";
import { providers } from "../../src/providers.js";
import { loadSpec } from "../../src/spec.js";

for (const kit of providers) {
  const spec = loadSpec(kit.id);
  const client = kit.createClient({ ...kit.options, baseUrl: inject("mockUrls")[kit.id] });
  const table: ContractTable = Object.fromEntries(
    fuzzOperations(spec).map((op) => [
      op.model.id,
      {
        required: (options) => call(client, op, documentedInput(spec, op, "required"), options),
        everyInput: (options) => call(client, op, documentedInput(spec, op, "every"), options),
      },
    ]),
  );
  contractSuite(kit.id, table, "documented calls");
}
