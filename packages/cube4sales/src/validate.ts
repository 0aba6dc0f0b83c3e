// The opt-in response validation entry: a client that never imports it bundles none of its checkers.
export type { DriftKind, DriftReport, ValidateMode, Validators } from "@clientele/core";
export { ResponseValidationError } from "@clientele/core";
export { cube4salesValidators } from "./generated/validators.js";
