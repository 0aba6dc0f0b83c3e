// What passes between the server (http.ts) and a twin's handler: a parsed request in, an answer out, so the vendor
// logic stays free of stream handling. Headers are a plain record, not node:http's type, so the declarations a user
// installs need no Node types to read.

/** What a twin's handler sees of a request: already parsed. */
export interface TwinRequest {
  /** upper case */
  method: string;
  /** the URL path, percent-decoded */
  path: string;
  query: URLSearchParams;
  /** names in lower case */
  headers: Record<string, string | string[] | undefined>;
  /** parsed JSON, the text of any other body, undefined when there is none */
  body: unknown;
  /** why a body sent as JSON could not be parsed */
  bodyError?: string;
}

/** What a handler answers: a string body goes out as text/plain, anything else as JSON; none, none. */
export interface TwinResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** the content type, when not the default for the body */
  type?: string;
}

/** One request as the twin saw it, for tests that count what reached the vendor. */
export interface Exchange {
  method: string;
  path: string;
  /** the raw query string, without `?` */
  query: string;
  body: unknown;
  status: number;
}

export type Handler = (request: TwinRequest) => TwinResponse;
