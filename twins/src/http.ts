import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { preflight } from "./cors.js";
import type { Exchange, Handler, TwinRequest, TwinResponse } from "./http-types.js";
import { parseRequest, safeWrite, withCors } from "./wire.js";

export interface ServeOptions {
  port?: number;
  now: () => number;
  onExchange?: (exchange: Exchange) => void;
  /** a request body past this many bytes is refused with 413, unread */
  maxBodyBytes?: number;
}

/** A megabyte: far more than any documented request of the four APIs, far less than a twin can be made to hold. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/**
 * Serves `handler` on 127.0.0.1 (only: twins are test doubles and must never be reachable from outside). No request
 * can stop the server: whatever a handler or a header throws becomes a 500 and the server keeps answering.
 */
export async function serve(
  handler: Handler,
  { port = 0, now, onExchange, maxBodyBytes = DEFAULT_MAX_BODY_BYTES }: ServeOptions,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((incoming, outgoing) => {
    // A client that goes away mid-request must not surface as an unhandled 'error' event.
    incoming.on("error", () => {});
    outgoing.on("error", () => {});
    const answer = (response: TwinResponse) => {
      if (outgoing.headersSent) return;
      safeWrite(outgoing, withCors(incoming, response), now);
    };
    const declared = Number(incoming.headers["content-length"]);
    if (declared > maxBodyBytes) {
      refuseTooLarge(incoming, outgoing, answer, maxBodyBytes);
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    incoming.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBodyBytes) {
        chunks.length = 0;
        refuseTooLarge(incoming, outgoing, answer, maxBodyBytes);
        return;
      }
      chunks.push(chunk);
    });
    incoming.on("end", () => {
      if (outgoing.headersSent) return;
      let request: TwinRequest | undefined;
      let query = "";
      let response: TwinResponse;
      try {
        const url = new URL(incoming.url ?? "/", "http://twin");
        query = url.search.slice(1);
        request = parseRequest(incoming, url, Buffer.concat(chunks).toString("utf8"));
        response = preflight(request) ?? handler(request);
      } catch (error) {
        // A bug in a twin must show as one, not as a vendor answer: 500 is the one status every client treats as
        // "the server failed", and the message goes to the test output.
        console.error(error);
        response = { status: 500, body: `twin failure: ${error instanceof Error ? error.message : error}` };
      }
      if (request) {
        onExchange?.({
          method: request.method,
          path: request.path,
          query,
          body: request.body,
          status: response.status,
        });
      }
      answer(response);
    });
  });
  // Keep-alive connections would hold `close()` open until they time out.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  // After listening, a server error (a socket failing) is logged, never thrown into the test run.
  server.on("error", (error) => console.error("twin server:", error));
  const address = server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * 413 at once, then the connection closes: the rest of the body is never read, so no client can make a twin hold
 * more than the limit.
 */
function refuseTooLarge(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  answer: (response: TwinResponse) => void,
  limit: number,
): void {
  if (outgoing.headersSent) return;
  incoming.removeAllListeners("data");
  answer({
    status: 413,
    headers: { connection: "close", "x-twin-reason": `the request body is over the twin's limit of ${limit} bytes` },
  });
  outgoing.once("finish", () => incoming.destroy());
}
