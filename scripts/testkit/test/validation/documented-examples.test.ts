import { deref, listOperations } from "@clientele/registry/spec-walk";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/spec.ts";
import { expectNoDrift, validatorsOf } from "./providers.ts";

/** Every example of every documented response, with the documented headers set to their own examples. */
function documentedExchanges(provider: string) {
  const spec = loadSpec(provider);
  return listOperations(spec).flatMap(({ operation }) =>
    Object.entries(operation.responses ?? {}).flatMap(([status, raw]) => {
      const response = deref(spec, raw);
      const headers = new Headers();
      for (const [name, header] of Object.entries(response.headers ?? {})) {
        const schema = deref(spec, (deref(spec, header) as any).schema);
        headers.set(name, String(schema.examples?.[0] ?? (schema.type === "integer" ? 1 : "x")));
      }
      const media: any = Object.values(response.content ?? {})[0];
      const examples = Object.entries(media?.examples ?? {}).map(([name, e]) => [name, deref<any>(spec, e).value]);
      if (media?.example !== undefined) examples.push(["example", media.example]);
      if (!media) examples.push(["no body", undefined]);
      return examples.map(([name, body]) => ({
        name: `${operation.operationId} ${status} ${name}`,
        status,
        headers,
        body,
      }));
    }),
  );
}

describe.each(Object.keys(validatorsOf))("%s: the spec's own examples", (provider) => {
  const exchanges = documentedExchanges(provider);
  it("has examples to check", () => expect(exchanges.length).toBeGreaterThan(0));
  it.each(exchanges)("$name leaves no drift", ({ name, status, headers, body }) => {
    const operationId = name.split(" ")[0] as string;
    expectNoDrift(provider, { operationId, status: Number(status), headers, body });
  });
});
