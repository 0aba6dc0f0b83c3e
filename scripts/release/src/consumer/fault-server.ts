// The fault server of the consumer matrix: it hangs (timeout, abort) or answers 503 once (retry), keyed by the first
// segment of the path, so each scenario and provider has its own; it serves the browser's page and passes
// /twin/<provider>/ on to the twins, so the page calls them from its own origin.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

export type Files = Record<string, { type: string; body: string }>;

/** What the fault server saw of one path's first segment. */
interface Seen {
  statuses: number[];
  requests: number;
  closed: number;
  waiters: (() => boolean)[];
}

/** @param twins provider id → the twin's URL */
export async function startFaultServer(twins: Record<string, string>) {
  const seen = new Map<string, Seen>();
  const record = (key: string) => {
    const entry = seen.get(key) ?? { statuses: [], requests: 0, closed: 0, waiters: [] };
    seen.set(key, entry);
    return entry;
  };
  let files: Files = {};
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? "/", "http://fault");
      const file = files[url.pathname];
      if (file) {
        response.writeHead(200, { "content-type": file.type }).end(file.body);
        return;
      }
      const proxied = /^\/twin\/([^/]+)(\/.*)$/.exec(url.pathname);
      const twin = proxied?.[1] === undefined ? undefined : twins[proxied[1]];
      if (proxied && twin) {
        await forward(request, response, `${twin}${proxied[2]}${url.search}`);
        return;
      }
      const key = url.pathname.split("/")[1] ?? "";
      const entry = record(key);
      entry.requests += 1;
      if (key.startsWith("hang-")) {
        // Never answers: the client's timeout or signal must end the call, and close the connection.
        request.socket.once("close", () => {
          entry.closed += 1;
          entry.waiters = entry.waiters.filter((settled) => !settled());
        });
        return;
      }
      if (key.startsWith("flaky-")) {
        const status = entry.statuses.length === 0 ? 503 : 200;
        entry.statuses.push(status);
        const body = status === 503 ? { message: "busy" } : { fault: key };
        const headers = { "content-type": "application/json", ...(status === 503 && { "retry-after": "0" }) };
        response.writeHead(status, headers).end(JSON.stringify(body));
        return;
      }
      response.writeHead(404, { "content-type": "application/json" }).end('{"message":"no such fault"}');
    } catch (error) {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    serve: (next: Files) => {
      files = next;
    },
    statuses: (key: string) => seen.get(key)?.statuses ?? [],
    requests: (key: string) => seen.get(key)?.requests ?? 0,
    /** How the requests to a hanging path ended: waits (at most 5 s) for the client to close each connection. */
    async closed(key: string) {
      const entry = seen.get(key);
      if (!entry) return "0 requests";
      if (entry.closed < entry.requests) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) =>
            entry.waiters.push(() => {
              if (entry.closed < entry.requests) return false;
              resolve();
              return true;
            }),
          ),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, 5_000);
          }),
        ]);
        clearTimeout(timer);
      }
      const requests = `${entry.requests} request${entry.requests === 1 ? "" : "s"}`;
      return entry.closed >= entry.requests ? `${requests}, closed` : `${requests}, still open after 5 s`;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Passes one request on to a twin and its answer back. */
async function forward(request: IncomingMessage, response: ServerResponse, target: string) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string" && !["host", "connection", "content-length"].includes(name)) headers.set(name, value);
  }
  const method = request.method ?? "GET";
  const body = ["GET", "HEAD"].includes(method) ? undefined : Buffer.concat(chunks);
  const answer = await fetch(target, { method, headers, body });
  const out = Buffer.from(await answer.arrayBuffer());
  const passed = Object.fromEntries(
    [...answer.headers].filter(
      ([name]) => !["content-length", "content-encoding", "transfer-encoding", "connection"].includes(name),
    ),
  );
  response.writeHead(answer.status, passed).end(out);
}
