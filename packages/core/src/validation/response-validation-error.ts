import { ApiError, type ApiErrorInit, at } from "../errors.js";
import type { DriftReport } from "./drift.js";

/**
 * With `validate: "throw"`: the response left the operation's spec (a wrong type, a missing field, an undocumented
 * status or header). It carries the response like any `ApiError` (status, redacted headers and body) and every
 * report; such a response is never retried.
 */
export class ResponseValidationError extends ApiError {
  override name = "ResponseValidationError";
  declare readonly reports: readonly DriftReport[];

  constructor(init: ApiErrorInit & { reports: readonly DriftReport[] }) {
    const { status, reports } = init;
    const more = reports.length > 1 ? ` (and ${reports.length - 1} more: see reports)` : "";
    super(init, `${at(init)} answered ${status} outside its spec: ${reports[0]?.message}${more}`);
  }
}
