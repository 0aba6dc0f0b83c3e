import { describe, expect, test } from "vitest";
import {
  linkSeedMentions,
  linkSeedNames,
  readOrigins,
  seedAnchor,
  seedCitations,
  seedHref,
} from "../src/seed-documents.js";

const A = "000_edb40a1b32d836a7.txt";
const B = "001_ae8f092b452e1e4d.txt";
const known = new Set([A]);

describe("readOrigins", () => {
  test.each([
    ["a list of file names", [A, B], [{ file: A }, { file: B }]],
    ["one file name", A, [{ file: A }]],
    ["entries that say what they cover", [{ file: A, covers: "Customers." }], [{ file: A, covers: "Customers." }]],
    ["nothing", undefined, []],
  ])("reads %s", (_, origin, want) => {
    expect(readOrigins({ info: { "x-origin": origin } })).toEqual(want);
  });

  test("refuses an entry that names no file", () => {
    expect(() => readOrigins({ info: { "x-origin": [{ covers: "x" }] } })).toThrow(/x-origin.*neither a file name/);
  });
});

describe("linkSeedNames", () => {
  test.each([
    ["a bare name", `As ${A} shows.`, `As [${A}](index.html#seed-000_edb40a1b32d836a7) shows.`],
    ["a name in a code span, left alone", `See \`${A}\`.`, `See \`${A}\`.`],
    ["a name inside a link, left alone", `[the doc ${A}](x.html)`, `[the doc ${A}](x.html)`],
    ["an unknown document, left alone", `As ${B} shows.`, `As ${B} shows.`],
    ["two mentions", `${A}, ${A}`, `[${A}](${seedHref(A)}), [${A}](${seedHref(A)})`],
  ])("links %s", (_, given, want) => {
    expect(linkSeedNames(given, known)).toBe(want);
  });

  test("the anchor is the file name without its extension", () => {
    expect(seedAnchor(A)).toBe("seed-000_edb40a1b32d836a7");
  });
});

describe("linkSeedMentions", () => {
  test("links descriptions, not server descriptions (plain text) or example data", () => {
    const spec: any = {
      info: { description: `From ${A}.` },
      servers: [{ url: "https://x", description: `Host from ${A}.` }],
      components: { schemas: { S: { description: `Per ${A}.`, example: { description: A } } } },
    };
    linkSeedMentions(spec, known);
    expect(spec.info.description).toBe(`From [${A}](${seedHref(A)}).`);
    expect(spec.components.schemas.S.description).toBe(`Per [${A}](${seedHref(A)}).`);
    expect(spec.servers[0].description).toBe(`Host from ${A}.`);
    expect(spec.components.schemas.S.example).toEqual({ description: A });
  });
});

describe("seedCitations", () => {
  test("names the operations whose own text or path item cites a document, and counts every mention", () => {
    const spec = {
      info: { description: `${A} and ${B}` },
      paths: {
        "/a": { get: { operationId: "getA", "x-provenance": `Shown in ${A}.` } },
        "/b": { "x-provenance": `Guessed from ${B}.`, post: { operationId: "postB" } },
        "/c": { get: { operationId: "getC", "x-codeSamples": [{ source: A }] } },
      },
    };
    expect(Object.fromEntries(seedCitations(spec, [A, B]))).toEqual({
      [A]: { operations: ["getA"], mentions: 3 },
      [B]: { operations: ["postB"], mentions: 2 },
    });
  });
});
