import { kindOf, OptionError } from "./errors.js";

const OWNER = "formatDateTime";
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: unknown): Intl.DateTimeFormat {
  if (typeof timeZone !== "string" || timeZone === "") {
    throw new OptionError(
      OWNER,
      "timeZone",
      `is required: the IANA name of the time zone the API reads the text in (e.g. "Europe/Amsterdam"); got ${kindOf(timeZone)}`,
    );
  }
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      // en-CA numerals, hourCycle h23: midnight is 00, never the 24 some engines print for hour12: false.
      formatter = new Intl.DateTimeFormat("en-CA", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      throw new OptionError(OWNER, "timeZone", `is not a time zone this runtime knows: ${JSON.stringify(timeZone)}`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * A moment as `YYYY-MM-DD HH:MM:SS`, the wall-clock time in `timeZone`: the text CycleSoftware's `modified_since`
 * takes (`"2023-01-12 12:30:00"`). Seconds are whole: milliseconds are dropped, never rounded up.
 *
 * The time zone is required because the vendor's document does not state which one the API reads this text in:
 * ask the vendor, and name it here (an IANA name such as `"Europe/Amsterdam"`, or `"UTC"`). The text carries no
 * offset, so in the hour a daylight-saving change repeats (autumn), two moments an hour apart give the same text;
 * in the hour it skips (spring), no moment gives those texts.
 *
 * @throws OptionError when `date` is not a valid Date within the years 1–9999, or `timeZone` is missing or unknown.
 */
export function formatDateTime(date: Date, options: { timeZone: string }): string {
  const formatter = formatterFor((options as { timeZone?: unknown } | undefined)?.timeZone);
  const year = date instanceof Date ? date.getUTCFullYear() : Number.NaN;
  if (!(year >= 1 && year <= 9999)) {
    const got = !(date instanceof Date)
      ? kindOf(date)
      : Number.isNaN(year)
        ? "an invalid Date"
        : `a Date in the year ${year}`;
    throw new OptionError(OWNER, "date", `must be a valid Date within the years 1 to 9999; got ${got}`);
  }
  const part: Record<string, string> = {};
  for (const { type, value } of formatter.formatToParts(date)) part[type] = value;
  return `${part.year?.padStart(4, "0")}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}
