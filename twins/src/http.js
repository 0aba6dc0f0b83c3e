// @ts-check
import { createServer } from "node:http";

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
 * Serves `handler` on 127.0.0.1 (only: twins are test doubles and must never be reachable from outside).
 * @param {Handler} handler
 * @param {{ port?: number, now: () => number, onExchange?: (exchange: Exchange) => void }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serve(handler, { port = 0, now, onExchange }) {
  const server = createServer((incoming, outgoing) => {
    const chunks = /** @type {Buffer[]} */ ([]);
    incoming.on("data", (chunk) => chunks.push(chunk));
    incoming.on("end", () => {
      const url = new URL(incoming.url ?? "/", "http://twin");
      const request = parseRequest(incoming, url, Buffer.concat(chunks).toString("utf8"));
      let response;
      try {
        response = handler(request);
      } catch (error) {
        // A bug in a twin must show as one, not as a vendor answer: 500 is the one status every client treats as
        // "the server failed", and the message goes to the test output.
        console.error(error);
        response = { status: 500, body: `twin failure: ${error instanceof Error ? error.message : error}` };
      }
      onExchange?.({
        method: request.method,
        path: request.path,
        query: url.search.slice(1),
        body: request.body,
        status: response.status,
      });
      write(outgoing, response, now());
    });
  });
  // Keep-alive connections would hold `close()` open until they time out.
  server.keepAliveTimeout = 1_000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(undefined));
  });
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
 * @param {import("node:http").ServerResponse} outgoing
 * @param {TwinResponse} response
 * @param {number} now
 */
function write(outgoing, { status, headers = {}, body, type }, now) {
  // The Date header follows the twin's clock, so a client that takes the server's time (the sync example does)
  // sees the same time as the twin's data.
  outgoing.setHeader("date", new Date(now).toUTCString());
  for (const [name, value] of Object.entries(headers)) outgoing.setHeader(name, value);
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
