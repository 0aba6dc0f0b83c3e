import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".yaml": "application/yaml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export interface StaticServer {
  /** e.g. `http://127.0.0.1:4000` */
  url: string;
  port: number;
  close: () => Promise<void>;
}

export interface ServeOptions {
  dir: string;
  port?: number;
  routes?: Record<string, () => string | Promise<string>>;
}

/**
 * Serves a folder read-only on 127.0.0.1. `routes` answer chosen paths from memory (the portal index with the
 * running mocks); everything else comes from `dir`, and nothing outside it.
 */
export async function serveDirectory({ dir, port = 0, routes = {} }: ServeOptions): Promise<StaticServer> {
  const base = resolve(dir);
  const server = createServer(async (request, response) => {
    const send = (status: number, body: string | Buffer, type = "text/plain") => {
      response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      response.end(request.method === "HEAD" ? undefined : body);
    };
    if (request.method !== "GET" && request.method !== "HEAD") return send(405, "GET or HEAD only\n");
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      return send(400, "bad URL\n");
    }
    if (pathname.endsWith("/")) pathname += "index.html";
    try {
      const route = routes[pathname];
      if (route) return send(200, await route(), TYPES[".html"]);
      const file = resolve(join(base, pathname));
      if (file !== base && !file.startsWith(base + sep)) return send(404, "not found\n");
      const found = await stat(file).catch(() => undefined);
      if (!found?.isFile()) return send(404, `not found: ${pathname}\n`);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      send(200, await readFile(file), type);
    } catch (error) {
      send(500, `${error instanceof Error ? error.message : error}\n`);
    }
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} on 127.0.0.1 is already in use`) : error),
    );
    server.listen(port, "127.0.0.1", () => resolveListen());
  });
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
