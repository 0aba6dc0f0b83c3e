// The servers one matrix run talks to, all on 127.0.0.1 and its own (so runs in parallel share no state): a Cubit
// and a CycleSoftware twin, and a fault server that hangs (timeout, abort) or answers 503 once (retry). For the
// browser the fault server is also the page's origin: it serves the bundled app and passes /twin/<provider>/ on
// to the twins, so no call is cross-origin. After the run, `verify` checks what reached the servers.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { startTwin } from "@clientele/twins";
import { BROWSER_SCENARIOS, SCENARIOS } from "./scenario.mjs";

type Urls = { cubit: string; cyclesoftware: string; fault: string };
type Files = Record<string, { type: string; body: string }>;

export interface Site {
  /** for a runtime that may call any origin */
  urls: Urls;
  /** every URL on the fault server */
  sameOrigin: Urls;
  /** files the fault server serves */
  serve: (files: Files) => void;
  /** how many requests the fault server has had for a path's last segment */
  requests: (key: string) => number;
  /** scenario → what the servers saw wrong; with `browser`, the browser-only scenarios too */
  verify: (run?: { browser?: boolean }) => Promise<Record<string, string>>;
  stop: () => Promise<void>;
}

export async function startSite(): Promise<Site> {
  const cubit = await startTwin("cubit");
  const cyclesoftware = await startTwin("cyclesoftware", {
    options: { pageSize: 2, perMinute: 100_000, perDay: 1_000_000 },
  });
  const fault = await startFaultServer({ cubit: cubit.url, cyclesoftware: cyclesoftware.url });
  return {
    urls: { cubit: cubit.url, cyclesoftware: cyclesoftware.url, fault: fault.url },
    sameOrigin: {
      cubit: `${fault.url}/twin/cubit`,
      cyclesoftware: `${fault.url}/twin/cyclesoftware`,
      fault: fault.url,
    },
    serve: fault.serve,
    requests: fault.requests,
    async verify({ browser = false } = {}) {
      const problems: Record<string, string> = {};
      const lists = cyclesoftware.exchanges.filter(
        (e) => e.method === "GET" && e.path === "/api/v1/customers/list.json",
      );
      // pages() and the item iteration each fetch the three pages once: a page fetched twice is a retry or a loop.
      if (lists.length !== 6) problems[SCENARIOS[0] ?? ""] = `the twin answered ${lists.length} list requests, not 6`;
      const notFound = cubit.exchanges.filter((e) => e.status === 404);
      if (notFound.length !== 1) problems[SCENARIOS[1] ?? ""] = `the twin answered ${notFound.length} 404s, not 1`;
      const timedOut = await fault.closed("hang-timeout");
      if (timedOut !== "1 request, closed") problems[SCENARIOS[2] ?? ""] = `the server saw ${timedOut}`;
      const aborted = await fault.closed("hang-abort");
      if (!["0 requests", "1 request, closed"].includes(aborted)) problems[SCENARIOS[3] ?? ""] = `server: ${aborted}`;
      const flaky = fault.statuses("flaky-retry").join(", ");
      if (flaky !== "503, 200")
        problems[SCENARIOS[4] ?? ""] = `the server answered ${flaky || "nothing"}, not 503, 200`;
      if (browser) {
        // The twin answered the page's preflight, and the CORS-less server did see the blocked call (so it was
        // CORS that stopped it, not the network).
        const preflights = cyclesoftware.exchanges.filter((e) => e.method === "OPTIONS" && e.status === 204).length;
        const blocked = fault.requests("cors-blocked");
        if (preflights !== 1 || blocked === 0) {
          problems[BROWSER_SCENARIOS[0] ?? ""] =
            `${preflights} preflights at the twin, ${blocked} blocked requests seen`;
        }
      }
      return problems;
    },
    async stop() {
      await Promise.all([fault.stop(), cubit.stop(), cyclesoftware.stop()]);
    },
  };
}

/** What the fault server saw of one path's last segment. */
interface Seen {
  statuses: number[];
  requests: number;
  closed: number;
  waiters: (() => boolean)[];
}

async function startFaultServer(twins: { cubit: string; cyclesoftware: string }) {
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
      const proxied = /^\/twin\/(cubit|cyclesoftware)(\/.*)$/.exec(url.pathname);
      if (proxied) {
        const twin = proxied[1] === "cubit" ? twins.cubit : twins.cyclesoftware;
        await forward(request, response, `${twin}${proxied[2]}${url.search}`);
        return;
      }
      const key = url.pathname.split("/").pop() ?? "";
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
        const body = status === 503 ? { message: "busy" } : { Number: key };
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
