import { formatDateTime, OptionError } from "@clientele/core/runtime";
import { describe, expect, test } from "vitest";

describe("formatDateTime writes YYYY-MM-DD HH:MM:SS as the wall clock of the time zone named", () => {
  test.each<[string, { given: [string, string]; want: string }]>([
    ["UTC", { given: ["2023-01-12T12:30:00Z", "UTC"], want: "2023-01-12 12:30:00" }],
    [
      "winter in Amsterdam (CET, +01:00)",
      { given: ["2023-01-12T11:30:00Z", "Europe/Amsterdam"], want: "2023-01-12 12:30:00" },
    ],
    [
      "summer in Amsterdam (CEST, +02:00)",
      { given: ["2023-07-12T10:30:00Z", "Europe/Amsterdam"], want: "2023-07-12 12:30:00" },
    ],
    [
      "the day changes with the zone",
      { given: ["2023-01-12T23:30:00Z", "Europe/Amsterdam"], want: "2023-01-13 00:30:00" },
    ],
    ["midnight is 00, never 24", { given: ["2023-01-12T23:00:00Z", "Europe/Amsterdam"], want: "2023-01-13 00:00:00" }],
    [
      "milliseconds are dropped, never rounded up",
      { given: ["2023-01-12T12:30:59.999Z", "UTC"], want: "2023-01-12 12:30:59" },
    ],
    // Spring: 02:00 CET jumps to 03:00 CEST; no moment reads 02:xx.
    [
      "spring DST: the last second before the jump",
      { given: ["2023-03-26T00:59:59Z", "Europe/Amsterdam"], want: "2023-03-26 01:59:59" },
    ],
    [
      "spring DST: the first second after",
      { given: ["2023-03-26T01:00:00Z", "Europe/Amsterdam"], want: "2023-03-26 03:00:00" },
    ],
    // Autumn: 03:00 CEST falls back to 02:00 CET; the hour 02:xx happens twice.
    [
      "autumn DST: 02:30 the first time (CEST)",
      { given: ["2023-10-29T00:30:00Z", "Europe/Amsterdam"], want: "2023-10-29 02:30:00" },
    ],
    [
      "autumn DST: 02:30 the second time (CET)",
      { given: ["2023-10-29T01:30:00Z", "Europe/Amsterdam"], want: "2023-10-29 02:30:00" },
    ],
    [
      "a zone west of UTC, in its DST",
      { given: ["2023-07-04T16:00:00Z", "America/New_York"], want: "2023-07-04 12:00:00" },
    ],
    ["a half-hour zone", { given: ["2023-01-12T12:00:00Z", "Asia/Kolkata"], want: "2023-01-12 17:30:00" }],
    ["a year below 1000 has four digits", { given: ["0999-05-06T07:08:09Z", "UTC"], want: "0999-05-06 07:08:09" }],
  ])("%s", (_, { given: [instant, timeZone], want }) => {
    expect(formatDateTime(new Date(instant), { timeZone })).toBe(want);
  });

  test("the text is what CycleSoftware's modified_since pattern takes", () => {
    expect(formatDateTime(new Date(), { timeZone: "Europe/Amsterdam" })).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
    );
  });
});

describe("formatDateTime refuses what it cannot format, naming the input", () => {
  test.each<[string, { given: () => string; want: { option: string; message: string } }]>([
    [
      "no time zone: the document names none, so the caller must",
      {
        given: () => formatDateTime(new Date(0), {} as never),
        want: {
          option: "timeZone",
          message:
            'formatDateTime: option "timeZone" is required: the IANA name of the time zone the API reads the text in (e.g. "Europe/Amsterdam"); got undefined',
        },
      },
    ],
    [
      "no options at all",
      {
        given: () => (formatDateTime as (date: Date) => string)(new Date(0)),
        want: { option: "timeZone", message: 'formatDateTime: option "timeZone" is required' },
      },
    ],
    [
      "an empty time zone",
      {
        given: () => formatDateTime(new Date(0), { timeZone: "" }),
        want: { option: "timeZone", message: 'formatDateTime: option "timeZone" is required' },
      },
    ],
    [
      "a time zone the runtime does not know",
      {
        given: () => formatDateTime(new Date(0), { timeZone: "Europe/Atlantis" }),
        want: {
          option: "timeZone",
          message: 'formatDateTime: option "timeZone" is not a time zone this runtime knows: "Europe/Atlantis"',
        },
      },
    ],
    [
      "an offset in place of a zone name is checked by the runtime, not guessed",
      {
        given: () => formatDateTime(new Date(0), { timeZone: "CEST" }),
        want: {
          option: "timeZone",
          message: 'formatDateTime: option "timeZone" is not a time zone this runtime knows: "CEST"',
        },
      },
    ],
    [
      "an invalid Date",
      {
        given: () => formatDateTime(new Date("not a date"), { timeZone: "UTC" }),
        want: {
          option: "date",
          message: 'formatDateTime: option "date" must be a valid Date within the years 1 to 9999; got an invalid Date',
        },
      },
    ],
    [
      "a Date beyond the four-digit years",
      {
        given: () => formatDateTime(new Date("+010000-01-01T00:00:00Z"), { timeZone: "UTC" }),
        want: {
          option: "date",
          message:
            'formatDateTime: option "date" must be a valid Date within the years 1 to 9999; got a Date in the year 10000',
        },
      },
    ],
    [
      "text in place of a Date",
      {
        given: () => formatDateTime("2023-01-12 12:30:00" as never, { timeZone: "UTC" }),
        want: {
          option: "date",
          message: 'formatDateTime: option "date" must be a valid Date within the years 1 to 9999; got a string',
        },
      },
    ],
  ])("%s", (_, { given, want }) => {
    let error: unknown;
    try {
      given();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).option).toBe(want.option);
    expect((error as OptionError).message.startsWith(want.message), (error as OptionError).message).toBe(true);
  });
});
