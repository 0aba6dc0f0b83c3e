import fc from "fast-check";
import { test } from "vitest";
import { startPrism } from "../../scripts/lib/prism.mjs";
import { loadSpec } from "../support/spec.js";
import { fuzzClients } from "../fuzz/clients.js";
import { mutations } from "../fuzz/mutations.js";
import { call, fuzzOperations, validInput } from "../fuzz/operations.js";
const P = process.env.P ?? "onlinewerkrooster";
test("crash", async () => {
  let log = "";
  const prism = await startPrism({ spec: `specs/${P}.yaml`, onOutput: (t) => { log += t; } });
  const spec = loadSpec(P);
  const client = fuzzClients[P]!(prism.url);
  const op = fuzzOperations(spec)[0]!;
  const arb = process.env.INVALID ? fc.oneof(...mutations(spec, op).filter(m => m.onWire).map(m => m.input)) : validInput(spec, op);
  const samples = fc.sample(arb, { seed: Number(process.env.SEED ?? 1), numRuns: 300 });
  let i = 0;
  for (const input of samples) {
    i++;
    try { await call(client as any, op, input, { maxRetries: 0 }).withResponse(); } catch (e: any) { if (e.name === "ConnectionError") { console.log("FAILED at", i, e.message); break; } }
    await new Promise((r) => setTimeout(r, 30));
    if (log.includes("TypeError")) { console.log("CRASH after", i, JSON.stringify(input)); break; }
  }
  console.log("done", i);
  await prism.stop();
}, 120000);
