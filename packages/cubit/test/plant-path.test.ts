// The plant URLs are guesses (001_ae8f092b452e1e4d.txt names the operations, not their paths). The README shows
// how to send them to the real path once Cubit confirms it, through the public `fetch` option; this runs that
// recipe and checks what reached the server.

import { replayFetch, requestTarget } from "@clientele/testkit/replay";
import { describe, expect, test } from "vitest";
import { type CubitClient, createCubitClient, NotFoundError } from "../src/index.js";

/** The README's recipe, verbatim: the guessed `plant` segment becomes the confirmed one. */
function confirmedPlantPath(url: string | URL | Request): URL {
  const target = new URL(url instanceof Request ? url.url : url);
  target.pathname = target.pathname.replace(/^\/api\/(import\/[^/]+\/)?plant(?=\/|$)/, "/api/$1installation");
  return target;
}

function client(respond: () => Response) {
  const replay = replayFetch(respond);
  const cubit = createCubitClient({
    apiKey: "documented-api-key",
    environment: "prod",
    fetch: (url, init) => replay.fetch(confirmedPlantPath(url), init),
    maxRetries: 0,
  });
  return { cubit, sent: replay.sent };
}

describe("pointing the guessed plant operations at the confirmed path", () => {
  test.each<[string, { call: (cubit: CubitClient) => Promise<unknown>; want: string }]>([
    ["upsertPlant", { call: (c) => c.upsertPlant({ Number: "P-100" }), want: "POST /api/import/prod/installation" }],
    ["deletePlant", { call: (c) => c.deletePlant("P-100"), want: "DELETE /api/import/prod/installation/P-100" }],
    ["getPlant", { call: (c) => c.getPlant("P-100"), want: "GET /api/installation/P-100" }],
    ["upsertCustomer", { call: (c) => c.upsertCustomer({ Number: "1" }), want: "POST /api/import/prod/customer" }],
    // A customer number that reads "plant" is not a plant path.
    ["getCustomer", { call: (c) => c.getCustomer("plant"), want: "GET /api/customer/plant" }],
    ["deleteCustomer", { call: (c) => c.deleteCustomer("plant"), want: "DELETE /api/import/prod/customer/plant" }],
  ])("%s", async (_, { call, want }) => {
    const { cubit, sent } = client(() => Response.json({}));
    await call(cubit);
    expect(sent.map((r) => `${r.method} ${requestTarget(r.url)}`)).toEqual([want]);
    expect(sent[0]?.url.host).toBe("plants.cubit.no");
    expect(sent[0]?.headers.get("api-key")).toBe("documented-api-key");
  });

  test("the call keeps the client's typed errors", async () => {
    const { cubit } = client(() => new Response(null, { status: 404 }));
    await expect(cubit.getPlant("P-404")).rejects.toBeInstanceOf(NotFoundError);
  });
});
