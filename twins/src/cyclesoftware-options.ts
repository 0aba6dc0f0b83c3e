// The CycleSoftware twin's options: credentials, allowances, page size, customer types and the clock.
import { INTEGER } from "./cyclesoftware-queries.js";
import { checkOptions, clockFunction, isRecord, nonEmptyString, positiveInteger } from "./validate.js";

export interface CycleSoftwareTwinOptions {
  username?: string;
  password?: string;
  /** requests allowed per minute (documented: 360) */
  perMinute?: number;
  /** requests allowed per day (documented: 15000) */
  perDay?: number;
  /** customers per list page (default 500) */
  pageSize?: number;
  /** `customer_type_id` → `customer_type_name`, for find */
  customerTypes?: Record<string, string>;
  /** the clock, in milliseconds: modification times and rate-limit windows */
  now?: () => number;
}
export const CYCLESOFTWARE_DEFAULTS: Readonly<Required<Omit<CycleSoftwareTwinOptions, "now">>> = Object.freeze({
  username: "demo",
  password: "demo",
  perMinute: 360,
  perDay: 15_000,
  pageSize: 500,
  // The `customer_types` enum is not in the document. These are the three names its examples show, numbered in
  // order of appearance: an assumption of the twin, not the vendor's numbering.
  customerTypes: Object.freeze({ 1: "Klant", 2: "Zakelijk", 3: "E-commerce" }),
});

/** The options over the defaults; throws a TypeError naming an option that is unknown or of the wrong type. */
export function cycleSoftwareSettings(options: CycleSoftwareTwinOptions) {
  checkOptions("createCycleSoftwareTwin", options, {
    username: nonEmptyString,
    password: nonEmptyString,
    perMinute: positiveInteger,
    perDay: positiveInteger,
    pageSize: positiveInteger,
    customerTypes: (v) =>
      isRecord(v) && Object.entries(v).every(([k, name]) => INTEGER.test(k) && typeof name === "string")
        ? undefined
        : "must map integer ids to customer type names",
    now: clockFunction,
  });
  return { ...CYCLESOFTWARE_DEFAULTS, ...options };
}
