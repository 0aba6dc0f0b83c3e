import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request exactly as it reached the server. */
export interface RecordedRequest {
  method: string;
  /** The request target as sent: path and query, undecoded. */
  target: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers one request; it may write anything, or nothing, to the response. */
export type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/** A JSON answer. */
export function reply(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

/**
 * A real HTTP/1.1 server on 127.0.0.1 (a free port the OS picks) that records every request it receives and answers
 * each with the current handler. `close()` ends every connection, so a test leaves nothing running.
 */
export async function startRecordingServer(initial: Handler = (_, response) => reply(response, 200, {})) {
  const requests: RecordedRequest[] = [];
  let handler = initial;
  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request: RecordedRequest = {
      method: incoming.method ?? "",
      target: incoming.url ?? "",
      headers: incoming.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    requests.push(request);
    try {
      await handler(request, response);
    } catch {
      response.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Sets how the next requests are answered and forgets the requests recorded so far. */
    answer(next: Handler) {
      handler = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type RecordingServer = Awaited<ReturnType<typeof startRecordingServer>>;
