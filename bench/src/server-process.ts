// A CycleSoftware look-alike on 127.0.0.1 for the benchmarks: keep-alive, canned answers, and a customer listing
// of any size. Runs in its own process so its work and garbage stay out of the client's measurements.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { customer, PAGE_SIZE, rateLimitHeaders } from "./fixtures.js";

const oneCustomer = JSON.stringify([customer(1006)]);

function send(response: ServerResponse, body: string) {
  response.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    ...rateLimitHeaders,
  });
  response.end(body);
}

/** `/n/<total>/api/v1/customers/list.json?offset=…`: the listing's size rides in the base URL, so no state. */
function listPage(total: number, offset: number) {
  const end = Math.min(total, offset + PAGE_SIZE);
  const customers = [];
  for (let id = offset; id < end; id++) customers.push(customer(id + 1));
  return JSON.stringify({
    error: false,
    error_message: null,
    customers,
    pagination: { count: customers.length, next_offset: end < total ? end : null },
  });
}

function handle(request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  const listing = /^\/n\/(\d+)\/api\/v1\/customers\/list\.json$/.exec(url.pathname);
  if (request.method === "GET" && listing) {
    return send(response, listPage(Number(listing[1]), Number(url.searchParams.get("offset") ?? 0)));
  }
  if (request.method === "GET" && url.pathname === "/api/v1/customers/find.json") return send(response, oneCustomer);
  if (request.method === "POST" && url.pathname === "/api/v1/customers.json") {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const created = { customer_id: 26196, ...JSON.parse(Buffer.concat(chunks).toString("utf8")) };
      send(response, JSON.stringify(created));
    });
    return;
  }
  response.writeHead(404).end();
}

if (process.send) {
  const server = createServer({ keepAliveTimeout: 60_000 }, handle);
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    if (address && typeof address === "object") process.send?.({ url: `http://127.0.0.1:${address.port}` });
  });
  // The parent's exit (or its disconnect) ends the server: it never outlives a bench run.
  process.on("disconnect", () => process.exit(0));
}
