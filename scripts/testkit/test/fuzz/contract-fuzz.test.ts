// Property-based contract fuzzing: inputs derived from each operation's request schema go through the generated
// client to the provider's Prism mock. `pnpm test` runs a modest count with a fixed seed; `pnpm fuzz` many more.
import { ApiError, InvalidInputError } from "@clientele/core";
import fc from "fast-check";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { providers } from "../../src/providers.js";
import { loadSpec } from "../../src/spec.js";
import { mutations } from "./mutations.js";
import { type CallInput, call, type FuzzOperation, fuzzOperations, validInput } from "./operations.js";
import { fuzzSettings } from "./settings.js";

const settings = fuzzSettings(process.env);

/** What Prism said about a request: its `sl-violations` header, or the 422 it makes up when no example fits. */
async function prismVerdict(client: object, op: FuzzOperation, input: CallInput) {
  try {
    const { response } = await call(client as Record<string, unknown>, op, input, { maxRetries: 0 }).withResponse();
    return { status: response.status, violations: response.headers.get("sl-violations"), validation: undefined };
  } catch (error) {
    // The client itself refused the input (a body that is no object): nothing was sent, which flags it as well.
    if (error instanceof InvalidInputError)
      return { status: 0, violations: "refused by the client", validation: undefined };
    if (!(error instanceof ApiError)) throw error;
    const body = error.body as { type?: unknown; validation?: unknown } | undefined;
    const invented =
      error.status === 422 && typeof body?.type === "string" && body.type.endsWith("#UNPROCESSABLE_ENTITY");
    return {
      status: error.status,
      violations: error.headers.get("sl-violations"),
      validation: invented ? body?.validation : undefined,
    };
  }
}

const shown = (input: CallInput) => JSON.stringify(input);

describe.each(providers.map((p) => [p.id, p] as const))("%s: generated inputs against a Prism mock", (id, kit) => {
  const spec = loadSpec(id);
  let client: object;
  // The shared mocks are silent (see startPrism), so generated inputs cannot crash them through Prism's logging.
  beforeAll(() => {
    // A full client, constructed as the docs' samples do: the fuzzer calls the generated methods as users do.
    client = kit.createClient({ ...kit.options, baseUrl: inject("mockUrls")[id] });
  });
  const timeout = 20_000 + settings.runs * 200;

  describe.each(fuzzOperations(spec).map((op) => [op.model.id, op] as const))("%s", (_, op) => {
    test(
      "valid inputs: a 2xx without sl-violations",
      async () => {
        await fc.assert(
          fc.asyncProperty(validInput(spec, op), async (input) => {
            const verdict = await prismVerdict(client, op, input);
            expect(verdict, shown(input)).toEqual({
              status: expect.any(Number),
              violations: null,
              validation: undefined,
            });
            expect(verdict.status, shown(input)).toBeGreaterThanOrEqual(200);
            expect(verdict.status, shown(input)).toBeLessThan(300);
          }),
          { seed: settings.seed, numRuns: settings.runs },
        );
      },
      timeout,
    );

    // The valid inputs leave these out (see isPathSegment): no encoding keeps them in place, so the client must
    // refuse them rather than call the parent resource.
    // Only operations with path parameters of their own have such a case (a table row, not a skipped test).
    if (op.path.length > 0) {
      test.each(["", ".", ".."])("path value %j: refused before sending", async (value) => {
        const input = { path: Object.fromEntries(op.path.map((p) => [p.name, value])), query: undefined, body: {} };
        await expect(call(client as Record<string, unknown>, op, input, { maxRetries: 0 })).rejects.toThrow(
          /path parameter "[^"]+" must not be ".{0,2}": it would address another resource/,
        );
      });
    }

    const onWire = mutations(spec, op).filter((m) => m.onWire);
    // An operation whose every input fault is static (caught by the compiler) has nothing to send.
    if (onWire.length > 0)
      test(
        `invalid inputs (${onWire.length} kinds): Prism flags every one`,
        async () => {
          const labelled = fc.oneof(...onWire.map((m) => m.input.map((input) => ({ label: m.label, input }))));
          await fc.assert(
            fc.asyncProperty(labelled, async ({ label, input }) => {
              const verdict = await prismVerdict(client, op, input);
              const flagged =
                verdict.violations !== null || (Array.isArray(verdict.validation) && verdict.validation.length > 0);
              expect(flagged, `${label}: ${shown(input)} → ${verdict.status}, not flagged`).toBe(true);
            }),
            { seed: settings.seed, numRuns: settings.runs },
          );
        },
        timeout,
      );
  });
});
