// The opt-in response validation entry: a client that never imports it bundles none of its checkers.
export type { DriftKind, DriftReport, ValidateMode, Validators } from "@clientele/core";
export { ResponseValidationError } from "@clientele/core";
export { cycleSoftwareValidators } from "./generated/validators.js";
