/**
 * CycleSoftware's date-time form, `YYYY-MM-DD HH:MM:SS`, for `time` as a wall clock in `timeZone`. The document
 * names no time zone for `modified_since`; the caller must know which one the account uses.
 */
export function formatModifiedSince(time: number, timeZone: string): string {
  const parts = zoneFormat(timeZone).formatToParts(time);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")}`;
}

/** @throws RangeError naming the option when `timeZone` is not an IANA time zone */
export function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
  } catch {
    throw new RangeError(`option "timeZone": "${timeZone}" is not an IANA time zone (e.g. UTC, Europe/Amsterdam)`);
  }
}

export const MODIFIED_SINCE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
