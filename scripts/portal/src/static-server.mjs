// @ts-check
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".yaml": "application/yaml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * @typedef {object} StaticServer
 * @property {string} url   e.g. `http://127.0.0.1:4000`
 * @property {number} port
 * @property {() => Promise<void>} close
 */

/**
 * Serves a folder read-only on 127.0.0.1. `routes` answer chosen paths from memory (the portal index with the
 * running mocks); everything else comes from `dir`, and nothing outside it.
 * @param {{ dir: string, port?: number, routes?: Record<string, () => string | Promise<string>> }} options
 * @returns {Promise<StaticServer>}
 */
export async function serveDirectory({ dir, port = 0, routes = {} }) {
  const base = resolve(dir);
  const server = createServer(async (request, response) => {
    const send = (/** @type {number} */ status, /** @type {string | Buffer} */ body, type = "text/plain") => {
      response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      response.end(request.method === "HEAD" ? undefined : body);
    };
    if (request.method !== "GET" && request.method !== "HEAD") return send(405, "GET or HEAD only\n");
    let pathname;
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
      const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? "application/octet-stream";
      send(200, await readFile(file), type);
    } catch (error) {
      send(500, `${error instanceof Error ? error.message : error}\n`);
    }
  });
  await new Promise((resolveListen, reject) => {
    server.once("error", (/** @type {NodeJS.ErrnoException} */ error) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} on 127.0.0.1 is already in use`) : error),
    );
    server.listen(port, "127.0.0.1", () => resolveListen(undefined));
  });
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose(undefined));
      }),
  };
}
