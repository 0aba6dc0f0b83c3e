import type { LogEvent } from "@clientele/core";
import { expect, test } from "vitest";
import { createCube4salesClient } from "../src/index.js";

// The document names no auth scheme, so any header may carry the credential: every header value is masked in logs
// and errors, except content negotiation, which stays readable.
test("header values are masked in log events, content negotiation headers are not", async () => {
  const events: LogEvent[] = [];
  const cube = createCube4salesClient({
    account: "acme",
    headers: { "x-api-token": "tok-4711-secret", "content-type": "application/json", "accept-language": "nb" },
    fetch: async () => new Response("[]", { headers: { "content-type": "application/json" } }),
    logger: (event) => events.push(event),
  });
  await cube.listCustomers({ assignment_id: 9 });
  const request = events.find((e) => e.type === "request");
  expect(request?.type === "request" && request.headers).toEqual({
    accept: "application/json",
    "accept-language": "nb",
    "content-type": "application/json",
    "x-api-token": "[redacted]",
  });
});
