// From node:http's request to a TwinRequest, and from a TwinResponse to the bytes on the wire, without ever letting
// a header value or a body stop the server.
import type { IncomingMessage, ServerResponse } from "node:http";
import { corsHeaders } from "./cors.js";
import type { TwinRequest, TwinResponse } from "./http-types.js";

export function parseRequest(incoming: IncomingMessage, url: URL, text: string): TwinRequest {
  const request: TwinRequest = {
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

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function withCors(incoming: IncomingMessage, response: TwinResponse): TwinResponse {
  const origin = incoming.headers.origin;
  if (typeof origin !== "string") return response;
  return { ...response, headers: { ...response.headers, ...corsHeaders(origin, response.headers) } };
}

/** Writes the answer; when that throws (a header value Node refuses), a bare 500 goes out instead. */
export function safeWrite(outgoing: ServerResponse, response: TwinResponse, now: () => number): void {
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
 */
export function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/gu, (char) => encodeURIComponent(char));
}

function write(outgoing: ServerResponse, { status, headers = {}, body, type }: TwinResponse, now: number): void {
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
