import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the server received it, with when it arrived and when its answer ended (ms, performance.now()). */
export interface Received {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
  arrivedAt: number;
  endedAt?: number;
}

/** What the server does with a request. */
export type Fault =
  | { reply: number; json?: unknown; html?: string; headers?: Record<string, string> }
  /** Reads the request, then resets the TCP connection: the request reached the server, no answer came. */
  | { reset: true }
  /** Answers only after `ms`: slow headers. */
  | { delay: number; answer: Fault }
  /** Sends the headers and the first bytes of `json`, the rest after `ms`: a slow body. */
  | { slowBody: number; json: unknown };

export type Route = (request: Received) => Fault;

/**
 * A real HTTP/1.1 server on 127.0.0.1 with scriptable faults, for testing what the runtime does on the wire.
 * `close()` resets every open connection and cancels pending answers, so a test never leaves anything running.
 */
export async function startFaultServer(route: Route, port = 0) {
  const received: Received[] = [];
  const pending = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      pending.delete(timer);
      run();
    }, ms);
    pending.add(timer);
  };

  const perform = (fault: Fault, request: Received, response: ServerResponse) => {
    const ended = () => {
      request.endedAt = performance.now();
    };
    response.once("close", ended);
    if (response.destroyed) return;
    if ("reset" in fault) {
      response.socket?.resetAndDestroy();
    } else if ("delay" in fault) {
      later(fault.delay, () => perform(fault.answer, request, response));
    } else if ("slowBody" in fault) {
      const text = JSON.stringify(fault.json);
      response.writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(text),
      });
      response.write(text.slice(0, 1));
      later(fault.slowBody, () => {
        if (!response.destroyed) response.end(text.slice(1));
      });
    } else {
      const body = fault.html ?? (fault.json === undefined ? "" : JSON.stringify(fault.json));
      const type = fault.html === undefined ? "application/json; charset=utf-8" : "text/html; charset=utf-8";
      response.writeHead(fault.reply, { "content-type": type, ...fault.headers });
      response.end(body);
    }
  };

  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request: Received = {
      method: incoming.method ?? "",
      url: new URL(incoming.url ?? "/", "http://127.0.0.1"),
      headers: incoming.headers,
      body: Buffer.concat(chunks).toString("utf8"),
      arrivedAt: performance.now(),
    };
    received.push(request);
    perform(route(request), request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    received,
    close: async () => {
      for (const timer of pending) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on (yet): connecting to it is refused. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
