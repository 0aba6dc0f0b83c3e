import { ApiError } from "@clientele/core/runtime";
import { ops, SECRET, settle, testTransport } from "@clientele/testkit/harness";
import { json, scriptedFetch } from "@clientele/testkit/scripted-fetch";
import { describe, expect, test } from "vitest";

describe("withResponse()", () => {
  test("resolves to data, the response and rateLimit from the same single request", async () => {
    const { fetch, seen } = scriptedFetch(json({ id: 7 }, 201, { "x-request-id": "r-1" }));
    const promise = testTransport(fetch).send<{ id: number }>(ops.create, "/things", undefined, { name: "a" });
    const { data, response, rateLimit } = await promise.withResponse();
    expect(data).toEqual({ id: 7 });
    expect(await promise).toEqual({ id: 7 });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-request-id")).toBe("r-1");
    // This API declares no rate-limit headers.
    expect(rateLimit).toBeUndefined();
    expect(seen).toHaveLength(1);
  });

  test("rejects with the same ApiError as the data promise; using only one of them leaves nothing unhandled", async () => {
    const { fetch } = scriptedFetch(json({ detail: "gone" }, 404));
    const promise = testTransport(fetch).send(ops.get, "/things/1", undefined, undefined);
    const viaResponse = await settle(promise.withResponse());
    expect(viaResponse).toBeInstanceOf(ApiError);
    expect(await settle(promise)).toBe(viaResponse);
    // Only withResponse() consumed: vitest fails the run on an unhandled rejection.
    const { fetch: fetch2 } = scriptedFetch(json({}, 404));
    expect(await settle(testTransport(fetch2).send(ops.get, "/x", undefined, undefined).withResponse())).toBeInstanceOf(
      ApiError,
    );
  });

  test.each<[string, Response, unknown]>([
    ["JSON", json({ a: [1, 2] }), { a: [1, 2] }],
    [
      "JSON with a vendor media type",
      new Response('{"a":1}', { headers: { "content-type": "application/problem+json" } }),
      { a: 1 },
    ],
    ["text", new Response("plain words", { headers: { "content-type": "text/plain" } }), "plain words"],
    ["no content", new Response(null, { status: 204 }), undefined],
  ])("a 2xx %s body", async (_, response, data) => {
    const { fetch } = scriptedFetch(response);
    expect(await testTransport(fetch).send(ops.get, "/x", undefined, undefined)).toEqual(data);
  });
});

describe("the request on the wire", () => {
  test("URL with an encoded query, auth header, JSON body and content type", async () => {
    const { fetch, seen } = scriptedFetch(json({}));
    await testTransport(fetch, { headers: { "X-Trace": "t1" } }).send(
      ops.upsert,
      "/things",
      { since: "2023-01-12 12:30:00", tags: ["a", "b"], skip: undefined, none: null },
      { name: "Ola" },
    );
    expect(seen[0]).toMatchObject({
      method: "POST",
      url: "https://api.test/things?since=2023-01-12%2012:30:00&tags=a&tags=b",
      headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json", "x-trace": "t1" },
      body: '{"name":"Ola"}',
    });
  });

  test("no content type without a body", async () => {
    const { fetch, seen } = scriptedFetch(json({}));
    await testTransport(fetch).send(ops.get, "/x", undefined, undefined);
    expect(seen[0]?.headers).toEqual({ authorization: `Bearer ${SECRET}` });
    expect(seen[0]?.body).toBeUndefined();
  });

  test("per-call headers replace the client's whatever their case, instead of adding a second value", async () => {
    const { fetch, seen } = scriptedFetch(json({}));
    await testTransport(fetch, { headers: { "X-Trace": "client" } }).send(
      ops.upsert,
      "/x",
      undefined,
      {},
      {
        headers: { AUTHORIZATION: "Bearer other", "x-TRACE": "call", "Content-Type": "application/vnd.test+json" },
      },
    );
    expect(seen[0]?.headers).toEqual({
      authorization: "Bearer other",
      "x-trace": "call",
      "content-type": "application/vnd.test+json",
    });
  });

  test("per-call headers do not leak into the next call", async () => {
    const { fetch, seen } = scriptedFetch(json({}), json({}));
    const transport = testTransport(fetch);
    await transport.send(ops.get, "/x", undefined, undefined, { headers: { "x-once": "1" } });
    await transport.send(ops.get, "/x", undefined, undefined);
    expect(seen[1]?.headers).toEqual({ authorization: `Bearer ${SECRET}` });
  });
});
