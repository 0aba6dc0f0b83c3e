import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

/** A request exactly as it reached the server: what an attack is judged by, besides what the caller saw. */
export interface Recorded {
  method: string;
  /** Path and query as sent. */
  url: string;
  /** Names in lower case, as node:http gives them. */
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the server answers one request; it may write anything, or nothing, to the raw response. */
export type Answer = (request: Recorded, response: ServerResponse, server: HostileServer) => void;

export interface HostileServer {
  /** `http://127.0.0.1:<port>`, the port picked by the system. */
  url: string;
  received: Recorded[];
  /** Body bytes the server managed to write, over all answers (a client that stops reading keeps this small). */
  bytesWritten: number;
  /** Answers the next requests with `next`, and forgets the requests received so far. */
  answerWith(next: Answer): void;
  close(): Promise<void>;
}

/**
 * A real node:http server on 127.0.0.1 (port 0) that records every request it receives and answers through
 * `answer`. `close()` drops every open connection, so an answer still streaming cannot keep a test alive.
 */
export async function startHostileServer(answer: Answer): Promise<HostileServer> {
  let current = answer;
  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request: Recorded = {
      method: incoming.method ?? "",
      url: incoming.url ?? "/",
      headers: incoming.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    hostile.received.push(request);
    const write = response.write.bind(response);
    response.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      hostile.bytesWritten += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
      return write(chunk, ...rest);
    }) as typeof response.write;
    current(request, response, hostile);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  const hostile: HostileServer = {
    url: `http://127.0.0.1:${port}`,
    received: [],
    bytesWritten: 0,
    answerWith(next) {
      current = next;
      hostile.received.length = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return hostile;
}

/** Answers with `body` as given (a string is sent raw, anything else as JSON) and a JSON content type. */
export function reply(status: number, body: unknown = "", headers: Record<string, string | number> = {}): Answer {
  return (_, response) => send(response, status, body, headers);
}

/** Writes `reply`'s answer now: for answers built from the request they answer. */
export function send(
  response: ServerResponse,
  status: number,
  body: unknown = "",
  headers: Record<string, string | number> = {},
) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.write(text);
  response.end();
}

/**
 * Streams `chunk` again and again, without a content length, until `total` bytes are out or the client goes away:
 * a body as large as a hostile server likes.
 */
export function endless(
  total: number,
  chunk = Buffer.alloc(64 * 1024, "a"),
  headers: Record<string, string> = {},
): Answer {
  return (_, response) => {
    response.writeHead(200, { "content-type": "application/json", ...headers });
    let sent = 0;
    const pump = () => {
      while (sent < total && !response.destroyed) {
        sent += chunk.byteLength;
        if (!response.write(chunk)) return void response.once("drain", pump);
      }
      if (!response.destroyed) response.end();
    };
    response.once("close", () => {
      sent = total;
    });
    pump();
  };
}

/** One answer per request in turn; the last repeats. */
export function inTurn(...answers: Answer[]): Answer {
  let next = 0;
  return (request, response, server) =>
    (answers[Math.min(next++, answers.length - 1)] as Answer)(request, response, server);
}

/** `serve(answer)` for a test file: every server it starts is closed after each test, pass or fail. */
export function hostileServers(): (answer: Answer) => Promise<HostileServer> {
  const open: HostileServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return async (answer) => {
    const server = await startHostileServer(answer);
    open.push(server);
    return server;
  };
}
