import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { loadSpec } from "@clientele/testkit/spec";
import { describe, expect, test } from "vitest";
import {
  INFERRED_MARK,
  INFERRED_TEXT_MARK,
  markInferred,
  SOURCE_NOTES,
  sourceNotesBlock,
} from "../src/mark-inferred.js";

const providers = await readRegistry(repoRoot);

/** A spec with an inferred element of every kind the docs show, and example data that merely looks inferred. */
function fixture() {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    servers: [{ url: "https://a.example", description: "Host from a transcript.", "x-inferred": true }],
    tags: [{ name: "Things", description: "Only one document lists them.", "x-inferred": true }],
    paths: {
      "/things/{id}": {
        description: "URL formed by analogy.",
        "x-inferred": true,
        parameters: [{ name: "id", in: "path", required: true, "x-inferred": true, schema: { type: "string" } }],
        get: {
          operationId: "getThing",
          description: "Documented.",
          responses: {
            "200": {
              description: "A thing.",
              content: { "application/json": { "x-inferred": true, schema: { $ref: "#/components/schemas/Thing" } } },
            },
          },
        },
      },
      "/others": {
        post: {
          operationId: "createOther",
          description: "Inferred operation.",
          "x-inferred": true,
          requestBody: {
            content: {
              "application/json": {
                schema: { type: "object" },
                examples: { sample: { value: { "x-inferred": true, description: "data" } } },
              },
            },
          },
          responses: { "200": { description: "Created.", "x-inferred": true } },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: "object",
          properties: { size: { type: "integer", "x-inferred": true } },
          example: { "x-inferred": true },
        },
      },
    },
  };
}

describe("markInferred", () => {
  const spec: any = fixture();
  const count = markInferred(spec);
  const thing = spec.paths["/things/{id}"];
  const other = spec.paths["/others"].post;

  test.each([
    ["a tag", () => spec.tags[0].description, `${INFERRED_MARK} Only one document lists them.`],
    ["a parameter", () => thing.parameters[0].description, INFERRED_MARK],
    ["an operation", () => other.description, `${INFERRED_MARK} Inferred operation.`],
    ["a response", () => other.responses["200"].description, `${INFERRED_MARK} Created.`],
    [
      "a schema property without a description",
      () => spec.components.schemas.Thing.properties.size.description,
      INFERRED_MARK,
    ],
    ["a server, in plain text", () => spec.servers[0].description, `${INFERRED_TEXT_MARK} Host from a transcript.`],
    [
      "a path item, on each of its operations",
      () => thing.get.description,
      `Documented.\n\n${INFERRED_MARK} URL formed by analogy.`,
    ],
    [
      "a media type, on the response that holds it",
      () => thing.get.responses["200"].description,
      `A thing.\n\n${INFERRED_MARK} The media type \`application/json\` is inferred.`,
    ],
  ])("marks %s", (_, read, expected) => {
    expect(read()).toBe(expected);
  });

  test("badges inferred operations and the operations of inferred paths, and nothing else", () => {
    expect(other["x-badges"]).toEqual([{ name: "Inferred", color: expect.any(String) }]);
    expect(thing.get["x-badges"]).toEqual([{ name: "Inferred", color: expect.any(String) }]);
  });

  test("counts every marked element and leaves example data alone", () => {
    expect(count).toBe(8);
    expect(spec.paths["/others"].post.requestBody.content["application/json"].examples.sample.value).toEqual({
      "x-inferred": true,
      description: "data",
    });
    expect(spec.components.schemas.Thing.example).toEqual({ "x-inferred": true });
  });
});

describe.each(providers.map((p) => p.id))("the %s spec", (provider) => {
  test("every x-inferred element is marked", () => {
    const spec = loadSpec(provider);
    const inferred = JSON.stringify(spec).match(/"x-inferred":true/g)?.length ?? 0;
    const marked = markInferred(spec);
    expect(marked).toBe(inferred);
    expect(marked).toBeGreaterThan(0);
  });
});

describe("markInferred with x-provenance", () => {
  const notes = (text: string) => sourceNotesBlock(text);
  function fixtureWithNotes() {
    return {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      servers: [
        { url: "https://a.example", description: "Host.", "x-inferred": true, "x-provenance": "A transcript." },
      ],
      paths: {
        "/things/{id}": {
          "x-inferred": true,
          "x-provenance": "Formed by analogy.",
          get: {
            operationId: "getThing",
            description: "Reads a thing.",
            responses: {
              "200": {
                description: "A thing.",
                content: { "application/json": { "x-inferred": true, "x-provenance": "No media type stated." } },
              },
            },
          },
        },
        "/others": {
          post: {
            operationId: "createOther",
            description: "Creates another.",
            "x-inferred": true,
            responses: { "200": { description: "Created.", "x-provenance": 'Quoted: "200 OK".' } },
          },
        },
      },
      components: {
        schemas: {
          Thing: {
            type: "object",
            properties: { size: { type: "integer", "x-inferred": true, "x-provenance": "Only an example shows it." } },
            example: { "x-provenance": "data, not a note" },
          },
        },
      },
    };
  }
  const spec: any = fixtureWithNotes();
  const count = markInferred(spec, { notes: (markdown) => markdown.replace("analogy", "**analogy**") });
  const thing = spec.paths["/things/{id}"].get;
  const other = spec.paths["/others"].post;

  test.each([
    [
      "a path item: its operations get the badge, the reason and the notes",
      () => thing.description,
      `Reads a thing.\n\n${INFERRED_MARK} Inferred path.\n\n${notes("Formed by **analogy**.")}`,
    ],
    [
      "a media type: the response that holds it",
      () => thing.responses["200"].description,
      `A thing.\n\n${INFERRED_MARK} The media type \`application/json\` is inferred.\n\n${notes("No media type stated.")}`,
    ],
    [
      "an inferred element without notes: the badge alone",
      () => other.description,
      `${INFERRED_MARK} Creates another.`,
    ],
    [
      "a documented element with notes: the notes alone",
      () => other.responses["200"].description,
      `Created.\n\n${notes('Quoted: "200 OK".')}`,
    ],
    [
      "a schema property without a description",
      () => spec.components.schemas.Thing.properties.size.description,
      `${INFERRED_MARK}\n\n${notes("Only an example shows it.")}`,
    ],
    [
      "a server, in plain text",
      () => spec.servers[0].description,
      `${INFERRED_TEXT_MARK} Host. ${SOURCE_NOTES}: A transcript.`,
    ],
  ])("shows the notes of %s", (_, read, expected) => {
    expect(read()).toBe(expected);
  });

  test("counts inferred elements only, and leaves example data alone", () => {
    expect(count).toBe(5);
    expect(spec.components.schemas.Thing.example).toEqual({ "x-provenance": "data, not a note" });
  });

  test("the notes block is collapsed and keeps its Markdown apart from the HTML", () => {
    expect(sourceNotesBlock("  *quoted*  ")).toBe(
      `<details data-x-provenance><summary>${SOURCE_NOTES}</summary>\n\n*quoted*\n\n</details>`,
    );
  });
});
