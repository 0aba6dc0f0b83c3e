// A page on another origin (a dev server on another port) calling a twin: the preflight is answered and the
// answer's own headers, X-RateLimit-* included, are readable. The browser side runs in the consumer matrix.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningTwin, startTwin } from "../src/index.js";
import { rawRequest } from "./support/raw-http.js";

const origin = "http://127.0.0.1:5173";
const basic = `authorization: Basic ${Buffer.from("demo:demo").toString("base64")}`;
let twin: RunningTwin<"cyclesoftware">;
beforeAll(async () => {
  twin = await startTwin("cyclesoftware");
});
afterAll(() => twin?.stop());

describe("CORS on a twin", () => {
  test("a preflight gets 204 allowing the origin, the method and the headers asked for", async () => {
    const answer = await rawRequest(
      twin.url,
      [
        "OPTIONS /api/v1/customers.json HTTP/1.1",
        `origin: ${origin}`,
        "access-control-request-method: POST",
        "access-control-request-headers: authorization, content-type",
      ].join("\r\n"),
    );
    expect(answer.status).toBe(204);
    expect(answer.headers).toMatchObject({
      "access-control-allow-origin": origin,
      "access-control-allow-methods": "POST",
      "access-control-allow-headers": "authorization, content-type",
      "access-control-allow-credentials": "true",
    });
    expect(twin.exchanges.map((e) => e.method)).toEqual(["OPTIONS"]);
    expect(twin.state().customers).toEqual([]);
  });

  test("an answer to a cross-origin call exposes its X-RateLimit-* headers", async () => {
    const answer = await rawRequest(
      twin.url,
      ["GET /api/v1/customers/list.json HTTP/1.1", `origin: ${origin}`, basic].join("\r\n"),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers["access-control-allow-origin"]).toBe(origin);
    const exposed = (answer.headers["access-control-expose-headers"] ?? "").split(", ");
    expect(exposed).toEqual(expect.arrayContaining(["X-RateLimit-Minutely-Remaining", "X-RateLimit-Daily-Reset"]));
  });

  test("a call without an Origin gets no CORS headers", async () => {
    const answer = await rawRequest(twin.url, ["GET /api/v1/customers/list.json HTTP/1.1", basic].join("\r\n"));
    expect(Object.keys(answer.headers).filter((name) => name.startsWith("access-control-"))).toEqual([]);
  });
});
