import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type StaticServer, serveDirectory } from "../src/static-server.js";

describe("serveDirectory", () => {
  let parent: string;
  let server: StaticServer;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), "clientele-static-"));
    await mkdir(join(parent, "site"));
    await writeFile(join(parent, "secret.txt"), "outside the served folder\n");
    await writeFile(join(parent, "site", "page.html"), "<p>page</p>");
    await writeFile(join(parent, "site", "api.yaml"), "openapi: 3.1.0\n");
    server = await serveDirectory({ dir: join(parent, "site"), routes: { "/index.html": () => "<p>from memory</p>" } });
  });

  afterAll(async () => {
    await server?.close();
    await rm(parent, { recursive: true, force: true });
  });

  test("listens on 127.0.0.1 only", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test.each([
    ["a file", "GET", "/page.html", 200, "text/html; charset=utf-8", "<p>page</p>"],
    ["a spec", "GET", "/api.yaml", 200, "application/yaml; charset=utf-8", "openapi: 3.1.0\n"],
    ["a route, for the folder itself", "GET", "/", 200, "text/html; charset=utf-8", "<p>from memory</p>"],
    ["a route, by name", "GET", "/index.html", 200, "text/html; charset=utf-8", "<p>from memory</p>"],
    ["a missing file", "GET", "/nope.html", 404, "text/plain", "not found: /nope.html\n"],
    [
      "dot segments, which URL parsing drops",
      "GET",
      "/%2e%2e/secret.txt",
      404,
      "text/plain",
      "not found: /secret.txt\n",
    ],
    ["an encoded path out of the folder", "GET", "/..%2fsecret.txt", 404, "text/plain", "not found\n"],
    ["a write", "POST", "/page.html", 405, "text/plain", "GET or HEAD only\n"],
  ])("answers %s", async (_, method, path, status, type, body) => {
    const response = await fetch(`${server.url}${path}`, { method });
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe(type);
    expect(await response.text()).toBe(body);
  });

  test("names the port when it is taken", async () => {
    await expect(serveDirectory({ dir: parent, port: server.port })).rejects.toThrow(
      `port ${server.port} on 127.0.0.1 is already in use`,
    );
  });
});
