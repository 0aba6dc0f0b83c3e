import { Agent, createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";

/** The path a test setup asks to learn that the mock behind a front is up (see mocks-ready.ts). */
export const READY_PATH = "/__clientele/ready";

/**
 * A pass-through front on 127.0.0.1 for a server still starting (a Prism mock): it listens at once on a port of
 * its own (port 0, so no race), and holds each request until `target` is up, then forwards it unchanged. Vitest's
 * global setup can hand out the URLs immediately and let unit tests run while Prism starts; a mock that fails to
 * start answers every request with a 502 that says why.
 */
export async function startFront(name: string, target: Promise<{ url: string }>) {
  const agent = new Agent({ keepAlive: true });
  const ready = target.then(
    ({ url }) => ({ url: new URL(url) }),
    (error: unknown) => ({ error: `${name} did not start: ${error instanceof Error ? error.message : error}` }),
  );
  const server = createServer(async (incoming, outgoing) => {
    const up = await ready;
    if ("error" in up) return outgoing.writeHead(502, { "content-type": "text/plain" }).end(up.error);
    if (incoming.url === READY_PATH) return outgoing.writeHead(204).end();
    const forward = httpRequest(
      {
        agent,
        host: up.url.hostname,
        port: up.url.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(outgoing);
      },
    );
    forward.on("error", (error) => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { "content-type": "text/plain" });
      outgoing.end(`${name}: ${error.message}`);
    });
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
