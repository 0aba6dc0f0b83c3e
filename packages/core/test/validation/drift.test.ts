import { describe, expect, it } from "vitest";
import { Drift, pointerPart, typeOf } from "../../src/validation/drift.js";

/** Runs one keyword check on a fresh collector and returns what it found, without the raw values. */
const found = (check: (drift: Drift) => unknown) => {
  const drift = new Drift();
  check(drift);
  return drift.found.map(({ kind, pointer, expected }) => ({ kind, pointer, expected }));
};

describe("Drift: one keyword per check", () => {
  it.each([
    ["integer accepts 3", { given: (d: Drift) => d.type(3, "/n", "integer"), want: [] }],
    [
      "integer refuses 3.5",
      {
        given: (d: Drift) => d.type(3.5, "/n", "integer"),
        want: [{ kind: "type", pointer: "/n", expected: "integer" }],
      },
    ],
    ["nullable string takes null", { given: (d: Drift) => d.type(null, "/s", "string|null"), want: [] }],
    [
      "object refuses an array",
      { given: (d: Drift) => d.type([], "", "object"), want: [{ kind: "type", pointer: "", expected: "object" }] },
    ],
    [
      "the vendor's date-time pattern",
      {
        given: (d: Drift) => d.pattern("2023-01-03 12:30:44", "/t", /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
        want: [],
      },
    ],
    [
      "an ISO date-time where the vendor's form is due",
      {
        given: (d: Drift) => d.pattern("2023-01-03T12:30:44Z", "/t", /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
        want: [
          { kind: "pattern", pointer: "/t", expected: "a string matching ^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$" },
        ],
      },
    ],
    ["a real date", { given: (d: Drift) => d.date("2016-02-29", "/d"), want: [] }],
    [
      "February 30th",
      {
        given: (d: Drift) => d.date("2016-02-30", "/d"),
        want: [{ kind: "format", pointer: "/d", expected: "a date (YYYY-MM-DD)" }],
      },
    ],
    [
      "enum",
      {
        given: (d: Drift) => d.oneOf("stage", "/e", ["test", "prod"]),
        want: [{ kind: "enum", pointer: "/e", expected: 'one of "test", "prod"' }],
      },
    ],
    ["a forbidden property that is absent", { given: (d: Drift) => d.forbidden(undefined, "/x", "nothing"), want: [] }],
    [
      "a forbidden property that came",
      {
        given: (d: Drift) => d.forbidden(1, "/x", "nothing"),
        want: [{ kind: "forbidden", pointer: "/x", expected: "nothing" }],
      },
    ],
    [
      "required, with the pointer escaped",
      {
        given: (d: Drift) => d.required({}, "", ["a/b~c"]),
        want: [{ kind: "required", pointer: "/a~1b~0c", expected: "a value (required)" }],
      },
    ],
    [
      "a closed object",
      {
        given: (d: Drift) => d.closed({ a: 1, b: 2 }, "/o", ["a"]),
        want: [{ kind: "extra", pointer: "/o/b", expected: "no such property (not in the spec)" }],
      },
    ],
  ])("%s", (_, { given, want }) => {
    expect(found(given)).toEqual(want);
  });

  it("keeps the provenance it was given", () => {
    const drift = new Drift();
    drift.type("x", "/n", "integer", "inferred from one example");
    expect(drift.found[0]).toMatchObject({ inferred: "inferred from one example", value: "x" });
  });

  it.each([
    [1, "integer"],
    [1.5, "number"],
    [null, "null"],
    [[], "array"],
    [{}, "object"],
    ["s", "string"],
  ])("typeOf(%j) is %s", (value, want) => expect(typeOf(value)).toBe(want));

  it("pointerPart escapes ~ before /", () => expect(pointerPart("~/")).toBe("/~0~1"));
});
