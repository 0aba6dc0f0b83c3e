// @ts-check
// Preloaded (`node --require`) into every dev-server child that `scripts/devserver/src/child.ts` starts: Prism mocks and
// proxies, twins. It does three things the child cannot be trusted to do itself:
// - survive any single request: an error a request handler leaves unhandled (Prism's negotiator throws on
//   `Accept: x`, the Prism CLI's log formatter throws when jsonrepair mangles a line carrying request data) is
//   answered with a 500 problem on the request it came from, reported to the parent, and the server keeps serving;
// - report readiness: the first HTTP server's `listening` event sends its bound port to the parent, so a child can
//   listen on port 0 (no port picked in advance that someone else could take) and nobody has to poll or guess;
// - never outlive the parent: when the IPC channel closes (the parent exited, crashed or was killed), it exits.
const { AsyncLocalStorage } = require("node:async_hooks");
const http = require("node:http");

/** @type {AsyncLocalStorage<{ request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse }>} */
const current = new AsyncLocalStorage();
let announced = false;

/** @type {(this: import("node:http").Server, event: string, ...args: any[]) => boolean} */
const emit = http.Server.prototype.emit;
/** @this {import("node:http").Server} @param {string} event @param {any[]} args */
http.Server.prototype.emit = function guardedEmit(event, ...args) {
  if (event === "request") {
    const [request, response] = args;
    return current.run({ request, response }, () => emit.call(this, event, ...args));
  }
  if (event === "listening" && !announced) {
    const address = this.address();
    if (address && typeof address === "object") {
      announced = true;
      send({ type: "listening", port: address.port });
    }
  }
  return emit.call(this, event, ...args);
};

/** @param {unknown} error */
function survive(error) {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (!announced) {
    // Before it listens there is no request to blame: a server that cannot start (a taken port, a broken spec) exits.
    process.stderr.write(`${text}\n`);
    process.exit(1);
  }
  const store = current.getStore();
  const where = store ? `${store.request.method} ${store.request.url}` : "outside any request";
  send({ type: "survived", where, error: text });
  if (store && !store.response.headersSent) {
    const body = JSON.stringify({
      type: "about:blank",
      title: "The server failed on this request",
      status: 500,
      detail: error instanceof Error ? error.message : String(error),
    });
    store.response.writeHead(500, { "content-type": "application/problem+json" }).end(body);
  } else if (store && !store.response.writableEnded) store.response.destroy();
}

process.on("uncaughtException", survive);
process.on("unhandledRejection", survive);
process.on("disconnect", () => process.exit(0));

/** @param {object} message */
function send(message) {
  if (process.connected) process.send?.(message);
  else if (!process.send) process.stderr.write(`${JSON.stringify(message)}\n`);
}
