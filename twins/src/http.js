// @ts-check
import { createServer } from "node:http";
import { corsHeaders, preflight } from "./cors.js";

/**
 * What a twin's handler sees of a request: already parsed, so the vendor logic stays free of stream handling.
 * @typedef {object} TwinRequest
 * @property {string} method   upper case
 * @property {string} path     the URL path, percent-decoded
 * @property {URLSearchParams} query
 * @property {import("node:http").IncomingHttpHeaders} headers  names in lower case
 * @property {unknown} body    parsed JSON, the text of any other body, undefined when there is none
 * @property {string} [bodyError]  why a body sent as JSON could not be parsed
 */

/**
 * What a handler answers. A `body` that is a string goes out as text/plain, anything else as JSON; none, none.
 * @typedef {object} TwinResponse
 * @property {number} status
 * @property {Record<string, string>} [headers]
 * @property {unknown} [body]
 * @property {string} [type]   the content type, when not the default for the body
 */

/**
 * One exchange as the twin saw it, for tests that count what reached the vendor.
 * @typedef {object} Exchange
 * @property {string} method
 * @property {string} path
 * @property {string} query   the raw query string, without `?`
 * @property {unknown} body
 * @property {number} status
 */

/** @typedef {(request: TwinRequest) => TwinResponse} Handler */

/**
 * @typedef {object} ServeOptions
 * @property {number} [port]
 * @property {() => number} now
 * @property {(exchange: Exchange) => void} [onExchange]
 * @property {number} [maxBodyBytes]  a request body past this many bytes is refused with 413, unread
 */

/** A megabyte: far more than any documented request of the four APIs, far less than a twin can be made to hold. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/**
 * Serves `handler` on 127.0.0.1 (only: twins are test doubles and must never be reachable from outside). No request
 * can stop the server: whatever a handler or a header throws becomes a 500 and the server keeps answering.
 * @param {Handler} handler
 * @param {ServeOptions} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serve(handler, { port = 0, now, onExchange, maxBodyBytes = DEFAULT_MAX_BODY_BYTES }) {
  const server = createServer((incoming, outgoing) => {
    // A client that goes away mid-request must not surface as an unhandled 'error' event.
    incoming.on("error", () => {});
    outgoing.on("error", () => {});
    const answer = (/** @type {TwinResponse} */ response) => {
      if (outgoing.headersSent) return;
      safeWrite(outgoing, withCors(incoming, response), now);
    };
    const declared = Number(incoming.headers["content-length"]);
    if (declared > maxBodyBytes) {
      refuseTooLarge(incoming, outgoing, answer, maxBodyBytes);
      return;
    }
    const chunks = /** @type {Buffer[]} */ ([]);
    let received = 0;
    incoming.on("data", (/** @type {Buffer} */ chunk) => {
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
      /** @type {TwinRequest | undefined} */
      let request;
      let query = "";
      /** @type {TwinResponse} */
      let response;
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
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(undefined));
  });
  // After listening, a server error (a socket failing) is logged, never thrown into the test run.
  server.on("error", (error) => console.error("twin server:", error));
  const address = server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}

/**
 * 413 at once, then the connection closes: the rest of the body is never read, so no client can make a twin hold
 * more than the limit.
 * @param {import("node:http").IncomingMessage} incoming
 * @param {import("node:http").ServerResponse} outgoing
 * @param {(response: TwinResponse) => void} answer
 * @param {number} limit
 */
function refuseTooLarge(incoming, outgoing, answer, limit) {
  if (outgoing.headersSent) return;
  incoming.removeAllListeners("data");
  answer({
    status: 413,
    headers: { connection: "close", "x-twin-reason": `the request body is over the twin's limit of ${limit} bytes` },
  });
  outgoing.once("finish", () => incoming.destroy());
}

/**
 * @param {import("node:http").IncomingMessage} incoming
 * @param {URL} url
 * @param {string} text
 * @returns {TwinRequest}
 */
function parseRequest(incoming, url, text) {
  /** @type {TwinRequest} */
  const request = {
    method: (incoming.method ?? "GET").toUpperCase(),
    path: safeDecode(url.pathname),
    query: url.searchParams,
    headers: incoming.headers,
    body: undefined,
  };
  if (text === "") return request;
  if (!(incoming.headers["content-type"] ?? "").includes("json")) {
    request.body = text;
    return request;
  }
  try {
    request.body = JSON.parse(text);
  } catch (error) {
    request.bodyError = `the body is not valid JSON (${error instanceof Error ? error.message : error})`;
  }
  return request;
}

/** @param {string} path */
function safeDecode(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * @param {import("node:http").IncomingMessage} incoming
 * @param {TwinResponse} response
 * @returns {TwinResponse}
 */
function withCors(incoming, response) {
  const origin = incoming.headers.origin;
  if (typeof origin !== "string") return response;
  return { ...response, headers: { ...response.headers, ...corsHeaders(origin, response.headers) } };
}

/**
 * Writes the answer; when that throws (a header value Node refuses), a bare 500 goes out instead.
 * @param {import("node:http").ServerResponse} outgoing
 * @param {TwinResponse} response
 * @param {() => number} now
 */
function safeWrite(outgoing, response, now) {
  try {
    write(outgoing, response, now());
  } catch (error) {
    console.error(error);
    if (outgoing.headersSent) {
      outgoing.destroy();
      return;
    }
    for (const name of outgoing.getHeaderNames()) outgoing.removeHeader(name);
    outgoing.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    outgoing.end(`twin failure: ${error instanceof Error ? error.message : error}`);
  }
}

/**
 * Header values are Latin-1 without control characters; a reason quoting a path or an id (`/\n`, `€`) is
 * percent-encoded where it leaves that range, so it can still be read.
 * @param {string} value
 */
export function headerSafe(value) {
  return value.replace(/[^\x20-\x7e]/gu, (char) => encodeURIComponent(char));
}

/**
 * @param {import("node:http").ServerResponse} outgoing
 * @param {TwinResponse} response
 * @param {number} now
 */
function write(outgoing, { status, headers = {}, body, type }, now) {
  // The Date header follows the twin's clock, so a client that takes the server's time (the sync example does)
  // sees the same time as the twin's data.
  outgoing.setHeader("date", new Date(now).toUTCString());
  for (const [name, value] of Object.entries(headers)) outgoing.setHeader(name, headerSafe(value));
  if (body === undefined) {
    outgoing.writeHead(status).end();
    return;
  }
  const isText = typeof body === "string";
  const payload = isText ? body : JSON.stringify(body);
  outgoing.setHeader(
    "content-type",
    type ?? (isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8"),
  );
  outgoing.writeHead(status).end(payload);
}
