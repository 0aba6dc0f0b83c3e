// invalid-inputs.check.ts is hand-written; this keeps it in step with the specs: every invalid input the fuzzer
// can make that the type system should stop has its @ts-expect-error line there (which `tsc -p .` then proves),
// and no line names a fault the specs no longer allow.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { describe, expect, test } from "vitest";
import { loadSpec } from "../../src/spec.js";
import { mutations } from "./mutations.js";
import { fuzzOperations } from "./operations.js";

const checkFile = readFileSync(join(import.meta.dirname, "invalid-inputs.check.ts"), "utf8");

/** `// @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.postcode` → one key per op. */
function markedFaults(text: string): Set<string> {
  const marks = new Set<string>();
  for (const [, provider, operations, label] of text.matchAll(/@ts-expect-error (\w+)\.([\w|]+): (.+)$/gm)) {
    for (const op of (operations as string).split("|")) marks.add(`${provider}.${op}: ${label}`);
  }
  return marks;
}

/** The statically rejectable faults, named as in the file: the value's kind does not matter to the type system. */
async function staticFaults(): Promise<Set<string>> {
  const faults = new Set<string>();
  for (const { id } of await readRegistry(repoRoot)) {
    const spec = loadSpec(id);
    for (const op of fuzzOperations(spec)) {
      for (const m of mutations(spec, op)) {
        if (m.typeError) faults.add(`${id}.${op.model.id}: ${m.label.replace(/^wrong type \(\w+\)/, "wrong type")}`);
      }
    }
  }
  return faults;
}

describe("invalid-inputs.check.ts covers every static fault of the specs", async () => {
  const faults = await staticFaults();
  const marks = markedFaults(checkFile);

  test("the specs give faults to check", () => {
    expect(faults.size).toBeGreaterThan(0);
  });
  test("every fault has its @ts-expect-error line", () => {
    expect([...faults].filter((f) => !marks.has(f))).toEqual([]);
  });
  test("every @ts-expect-error line names a fault the specs allow", () => {
    expect([...marks].filter((m) => !faults.has(m))).toEqual([]);
  });
});
