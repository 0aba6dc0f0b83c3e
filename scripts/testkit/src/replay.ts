import type { FetchLike } from "@clientele/core";

/** One request as it left the client, read back the way a server would see it. */
export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** The body text; "" when none was sent. */
  body: string;
}

/**
 * A fetch to inject into a client: it records every request and answers each with a fresh response from
 * `respond`, so a test can replay a documented exchange without a server or patched globals.
 */
export function replayFetch(respond: (request: SentRequest) => Response) {
  const sent: SentRequest[] = [];
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    const recorded: SentRequest = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: await request.text(),
    };
    sent.push(recorded);
    return respond(recorded);
  };
  return { fetch, sent };
}

/** The path and query exactly as they go on the wire (percent-encoding untouched). */
export function requestTarget(url: URL): string {
  return url.pathname + url.search;
}

/** A header's media type without parameters, e.g. `application/json` for `application/json; charset=utf-8`. */
export function mediaType(headers: Headers): string | undefined {
  return headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
}
