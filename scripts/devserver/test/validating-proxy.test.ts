import { createServer, type Server } from "node:http";
import { createCycleSoftwareClient } from "@clientele/cyclesoftware";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { START_CAP_MS } from "../src/child.js";
import { describeExchange, readViolations, startValidatingProxy } from "../src/validating-proxy.js";

// A vendor that drifted from the spec in two ways, and answers one call as documented.
const vendor: Server = createServer((request, response) => {
  const headers = { "content-type": "application/json; charset=utf-8", "X-RateLimit-Minutely-Limit": "360" };
  if (request.url === "/api/v1/customers/1006.json") response.writeHead(200, headers).end('{"customer_id":1006}');
  else if (request.url === "/api/v1/customers/7.json") response.writeHead(200, headers).end('{"customer_id":"seven"}');
  else response.writeHead(418).end();
});
let proxy: Awaited<ReturnType<typeof startValidatingProxy>>;

beforeAll(async () => {
  await new Promise<void>((resolve) => vendor.listen(0, "127.0.0.1", resolve));
  const address = vendor.address();
  const port = typeof address === "object" && address ? address.port : 0;
  proxy = await startValidatingProxy({ spec: "specs/cyclesoftware.yaml", upstream: `http://127.0.0.1:${port}` });
  // Start-up waits on Prism's "listening" event; the hook outlasts startPrism's cap so the cap's message is the one seen.
}, START_CAP_MS + 10_000);
afterAll(async () => {
  await proxy?.stop();
  await new Promise((resolve) => vendor.close(resolve));
});

describe("pnpm proxy: Prism's validating proxy with a per-request violation report", () => {
  test("each exchange is reported with its own violations; responses pass through unchanged", async () => {
    const cycle = createCycleSoftwareClient({ username: "u", password: "p", baseUrl: proxy.url, maxRetries: 0 });
    expect(await cycle.getCustomer(1006)).toEqual({ customer_id: 1006 });
    expect(await cycle.getCustomer(7)).toEqual({ customer_id: "seven" });
    await expect(cycle.getCustomer(418)).rejects.toMatchObject({ status: 418 });
    expect(proxy.exchanges.map(describeExchange)).toEqual([
      ["✔ GET /api/v1/customers/1006.json → 200"],
      [
        "✖ GET /api/v1/customers/7.json → 200: response.body.customer_id Response body property customer_id must be integer",
      ],
      [
        "⚠ GET /api/v1/customers/418.json → 418: response Unable to match the returned status code with those defined in the document: 200,401,404,429",
      ],
    ]);
  });

  test("a bad upstream is named", async () => {
    await expect(startValidatingProxy({ spec: "specs/cubit.yaml", upstream: "plants.cubit.no" })).rejects.toThrow(
      'the upstream must be an absolute URL, got "plants.cubit.no"',
    );
  });

  test.each([
    [undefined, []],
    [
      '[{"location":["response","body"],"severity":"Error","message":"m"}]',
      [{ location: "response.body", severity: "Error", message: "m" }],
    ],
    ["Too many violations! [{", [{ location: "", severity: "Error", message: "Too many violations! [{" }]],
  ])("sl-violations %s", (header, expected) => {
    expect(readViolations(header)).toEqual(expected);
  });
});
