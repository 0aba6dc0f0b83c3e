import { connect } from "node:net";

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
}

/**
 * Sends `head` (request line and headers, without the blank line) and `body` as bytes on a fresh connection, as no
 * well-behaved client would, and reads the status and headers of the answer. The server may close the connection
 * before the body is all written (a 413 does): what it answered counts, not the write error.
 */
export function rawRequest(url: string, head: string, body: Buffer | string = ""): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    const settle = () => {
      const text = Buffer.concat(received).toString("latin1");
      const [statusLine = "", ...lines] = text.split("\r\n\r\n")[0]?.split("\r\n") ?? [];
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1]);
      if (!status) {
        reject(new Error(`no HTTP answer to ${JSON.stringify(head.split("\r\n")[0])}: ${JSON.stringify(text)}`));
        return;
      }
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
      );
      resolve({ status, headers });
    };
    socket.on("data", (chunk) => received.push(chunk));
    socket.on("error", () => socket.destroy());
    socket.on("close", settle);
    socket.write(Buffer.from(`${head}\r\nhost: ${hostname}:${port}\r\nconnection: close\r\n\r\n`, "latin1"));
    socket.end(body);
  });
}
