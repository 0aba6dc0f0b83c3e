import { formatDateTime, OptionError } from "@clientele/cyclesoftware";

/**
 * CycleSoftware's date-time form, `YYYY-MM-DD HH:MM:SS`, for `time` as a wall clock in `timeZone`. The document
 * names no time zone for `modified_since`; the caller must know which one the account uses.
 */
export function formatModifiedSince(time: number, timeZone: string): string {
  return formatDateTime(new Date(time), { timeZone });
}

/** @throws RangeError naming the option when `timeZone` is not an IANA time zone */
export function checkTimeZone(timeZone: string): void {
  try {
    formatDateTime(new Date(0), { timeZone });
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    throw new RangeError(`option "timeZone": "${timeZone}" is not an IANA time zone (e.g. UTC, Europe/Amsterdam)`);
  }
}

export const MODIFIED_SINCE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
