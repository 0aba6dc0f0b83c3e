import { kindOf, OptionError } from "../errors.js";
import type { Logger } from "../logger.js";
import { redactHeaders } from "../redact.js";
import type { CallInfo, ValidationHook } from "../types.js";
import { checkExchange, type ResponseSpecs } from "./check-exchange.js";
import type { DriftReport } from "./drift.js";
import { ResponseValidationError } from "./response-validation-error.js";

export type ValidateMode = "off" | "warn" | "throw";

export type { ValidationHook } from "../types.js";

/** A provider's generated validators: `import { cubitValidators } from "@clientele/cubit/validate"`. */
export interface Validators {
  /** The API they check (the spec's title). */
  readonly api: string;
  readonly responses: ResponseSpecs;
  /** Called by the client factory: `validate` and `onDrift` as the user gave them. */
  /** Called by the client factory with `validate` and `onDrift` as the user gave them; undefined when off. */
  hook(factory: string, mode: unknown, onDrift: unknown, logger: Logger | undefined): ValidationHook | undefined;
}

/** How many distinct mismatches the default warning remembers, so a long-running client cannot grow without end. */
const REMEMBERED = 1000;

export function defineValidators(api: string, responses: ResponseSpecs): Validators {
  return {
    api,
    responses,
    hook(factory, mode, onDrift, logger) {
      if (onDrift !== undefined && typeof onDrift !== "function") {
        throw new OptionError(factory, "onDrift", "must be a function");
      }
      if (mode === undefined || mode === "off") {
        if (onDrift) throw new OptionError(factory, "onDrift", 'is set but "validate" is off');
        return undefined;
      }
      if (mode !== "warn" && mode !== "throw") {
        throw new OptionError(factory, "validate", `must be "off", "warn" or "throw"; got ${kindOf(mode)}`);
      }
      const warned = new Set<string>();
      const warn = (call: CallInfo, attempt: number, report: DriftReport) => {
        // Array indexes vary from call to call; the same field drifting in every record is one mismatch.
        const key = `${report.operationId} ${report.status} ${report.kind} ${report.pointer.replace(/\/\d+(?=\/|$)/g, "/*")}`;
        if (warned.has(key) || warned.size >= REMEMBERED) return;
        warned.add(key);
        if (logger) logger({ type: "drift", ...call, attempt, report });
        else console.warn(`clientele: ${report.message}`);
      };
      return (call, attempt, response, body, redactor, rateLimit) => {
        const { status, headers } = response;
        const reports = checkExchange(responses, { operationId: call.operationId, status, headers, body }, redactor);
        if (reports.length === 0) return undefined;
        if (mode === "throw") {
          const safe = { ...call, status, headers: redactHeaders(headers, redactor), body: redactor.value(body) };
          return new ResponseValidationError({ ...safe, rateLimit, reports });
        }
        for (const report of reports) {
          if (!onDrift) warn(call, attempt, report);
          else {
            try {
              (onDrift as (report: DriftReport) => void)(report);
            } catch (error) {
              // Warn mode never changes a call's outcome, not even when the user's hook fails.
              console.error(`clientele: onDrift threw on ${call.operationId}:`, error);
            }
          }
        }
        return undefined;
      };
    },
  };
}
