/**
 * Readers for the HTTP exchanges the vendor documents print, so tests can keep those exchanges verbatim as
 * literal text and still compare what a client sends and parses field by field.
 */

export interface RequestTranscript {
  method: string;
  /** Path and query exactly as printed, e.g. `/api/v1/customers/list.json?modified_since=2019-01-01%2012:00:00`. */
  target: string;
  headers: Headers;
  /** The body text as printed; "" when the transcript shows none. */
  body: string;
}

export interface ResponseTranscript {
  status: number;
  headers: Headers;
  body: string;
}

/** A raw HTTP/1.1 request as printed: request line, header lines, a blank line, the body. */
export function parseRequestTranscript(text: string): RequestTranscript {
  const { startLine, headers, body } = splitMessage(text);
  const match = /^([A-Z]+) (\S+) HTTP\/1\.[01]$/.exec(startLine);
  if (!match) throw new Error(`not an HTTP request line: ${JSON.stringify(startLine)}`);
  return { method: match[1] as string, target: match[2] as string, headers, body };
}

/** A raw HTTP/1.1 response as printed: status line (the reason phrase may be missing), headers, blank line, body. */
export function parseResponseTranscript(text: string): ResponseTranscript {
  const { startLine, headers, body } = splitMessage(text);
  const match = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(startLine);
  if (!match) throw new Error(`not an HTTP status line: ${JSON.stringify(startLine)}`);
  return { status: Number(match[1]), headers, body };
}

/** The transcript as a Response a client can read; the printed `Content-length` is dropped, as it need not match. */
export function transcriptResponse({ status, headers, body }: ResponseTranscript): Response {
  const served = new Headers(headers);
  served.delete("content-length");
  return new Response(body === "" ? null : body, { status, headers: served });
}

export interface CurlTranscript {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** A `curl --request … --url … --header '…' --data '…'` command as printed in a vendor document. */
export function parseCurl(text: string): CurlTranscript {
  const method = /--request (\S+)/.exec(text)?.[1];
  const url = /--url (\S+)/.exec(text)?.[1];
  if (!method || !url) throw new Error("curl transcript without --request or --url");
  const headers = new Headers();
  for (const [, line] of text.matchAll(/--header '([^']*)'/g)) {
    const colon = (line as string).indexOf(":");
    if (colon <= 0) throw new Error(`not a header: ${JSON.stringify(line)}`);
    headers.append((line as string).slice(0, colon).trim(), (line as string).slice(colon + 1).trim());
  }
  // Everything after `--data '`; a closing quote is optional because documents print the command unfinished.
  const data = /--data '([\s\S]*)$/.exec(text)?.[1] ?? "";
  return { method, url, headers, body: data.trim().replace(/'$/, "").trim() };
}

function splitMessage(text: string) {
  const message = text.replace(/\r\n/g, "\n").replace(/^\n+/, "");
  const blank = message.indexOf("\n\n");
  const head = blank === -1 ? message.trimEnd() : message.slice(0, blank);
  const body = blank === -1 ? "" : message.slice(blank + 2).trim();
  const [startLine = "", ...lines] = head.split("\n");
  const headers = new Headers();
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) throw new Error(`not a header line: ${JSON.stringify(line)}`);
    headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return { startLine, headers, body };
}

/** The rows of a Markdown table as printed in a vendor document, keyed by its header cells. */
export function markdownTable(text: string): Record<string, string>[] {
  const [head = [], , ...rows] = text
    .trim()
    .split("\n")
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((cell) => cell.trim()),
    );
  return rows.map((cells) => Object.fromEntries(head.map((name, i) => [name, cells[i] ?? ""])));
}
