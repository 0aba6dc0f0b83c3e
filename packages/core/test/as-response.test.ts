import { errorFlag, NotFoundError } from "@clientele/core/runtime";
import { ops, settle, testTransport, withFakeTime } from "@clientele/testkit/harness";
import { json, scriptedFetch } from "@clientele/testkit/scripted-fetch";
import { describe, expect, test } from "vitest";

describe(".asResponse(): the 2xx Response, its body unread", () => {
  test("the body is left for the caller to read or stream", async () => {
    const { fetch, seen } = scriptedFetch(json({ customer_id: 7 }));
    const response = await testTransport(fetch)
      .send({ ...ops.get, json: true }, "/x", undefined, undefined)
      .asResponse();
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ customer_id: 7 });
    expect(seen).toHaveLength(1);
  });

  test("nothing of the body is checked: not JSON, nor an in-body error flag", async () => {
    const { fetch } = scriptedFetch(json({ error: true, error_message: "down" }), new Response("not json"));
    const transport = testTransport(fetch);
    const flagged = { ...ops.get, json: true, errorFlag: errorFlag("error", "error_message") };
    expect(await (await transport.send(flagged, "/x", undefined, undefined).asResponse()).json()).toEqual({
      error: true,
      error_message: "down",
    });
    expect(await (await transport.send(flagged, "/x", undefined, undefined).asResponse()).text()).toBe("not json");
  });

  test("a non-2xx still rejects with its ApiError", async () => {
    const { fetch } = scriptedFetch(json({ message: "no such thing" }, 404));
    const error = await settle(testTransport(fetch).send(ops.get, "/x", undefined, undefined).asResponse());
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe("getThing: GET https://api.test/x answered 404: no such thing");
  });

  test("a retryable status is retried before the Response is handed over", async () => {
    const { fetch, seen } = scriptedFetch(json({}, 503), new Response("streamed", { status: 200 }));
    const { outcome } = await withFakeTime(() =>
      testTransport(fetch).send(ops.get, "/x", undefined, undefined).asResponse(),
    );
    expect(seen).toHaveLength(2);
    expect(await (outcome as Response).text()).toBe("streamed");
  });
});
