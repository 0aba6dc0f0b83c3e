import { ApiError, type ApiPromise, errorClassFor, type RequestOptions } from "@clientele/core/runtime";
import { describe, expect, test } from "vitest";
import { expectNoDrift } from "./no-drift.js";
import { documentedResponses, loadSpec, operationIds } from "./spec.js";

type Call = (options: RequestOptions) => ApiPromise<unknown>;

/** Per operation: a call with only the required inputs and one with every documented input. */
export type ContractTable = Record<string, { required: Call; everyInput: Call }>;

/** Prism reports what is wrong with a request or response only in this header. */
export function violations(headers: Headers): string | null {
  return headers.get("sl-violations");
}

/**
 * Drives every operation of a provider through its generated client against the provider's Prism mock:
 * valid calls must come back without `sl-violations`, and every documented error status must surface as the
 * matching ApiError class carrying the documented body. Every answer must also pass the generated validators
 * (`/validate`) without a drift report.
 */
export function contractSuite(provider: string, table: ContractTable, calls = "calls") {
  const spec = loadSpec(provider);
  describe(`${provider} contract with its Prism mock (${calls})`, () => {
    test("the table covers every operation of the spec", () => {
      expect(Object.keys(table).sort()).toEqual(operationIds(spec).sort());
    });

    describe.each(Object.entries(table))("%s", (operationId, calls) => {
      test.each([
        ["only the required inputs", calls.required],
        ["every documented input", calls.everyInput],
      ])("with %s: a 2xx and no sl-violations", async (_, call) => {
        const { data, response } = await call({}).withResponse();
        expect(violations(response.headers)).toBeNull();
        expectNoDrift(provider, { operationId, status: response.status, headers: response.headers, body: data });
        expect(response.status).toBeGreaterThanOrEqual(200);
        expect(response.status).toBeLessThan(300);
      });

      const errors = documentedResponses(spec, operationId).filter((r) => r.status >= 400);
      // A spec may document no error status for an operation: it then has no such rows.
      if (errors.length > 0)
        test.each(errors)("documented status $status surfaces as its ApiError", async ({ status, body }) => {
          const error = await calls.everyInput({ headers: { Prefer: `code=${status}` }, maxRetries: 0 }).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(ApiError);
          expect(error).toBeInstanceOf(errorClassFor(status));
          const apiError = error as ApiError;
          expect(violations(apiError.headers)).toBeNull();
          expect(apiError.status).toBe(status);
          expect(apiError.operationId).toBe(operationId);
          expect(apiError.body).toEqual(body);
          // What the spec says the status means reaches the user, without provenance.
          expect(apiError.hint).toMatch(/\S/);
          expect(apiError.hint).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt|Inferred/);
          expect(apiError.message).toContain(apiError.hint);
          expectNoDrift(provider, { operationId, status, headers: apiError.headers, body: apiError.body });
        });
    });
  });
}
