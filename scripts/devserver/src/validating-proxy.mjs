// @ts-check
// Prism's validation proxy in front of a real vendor URL, with a thin front that reads Prism's `sl-violations`
// header off every response, so each violation is reported with the exact request it belongs to (Prism's own log
// prints violations without naming the request).
import { createServer, request as httpRequest } from "node:http";
import { startPrism } from "./prism.mjs";

/**
 * @typedef {object} Violation
 * @property {string} location   e.g. "response.body.customer_id"
 * @property {string} severity   "Error" or "Warning" (an undocumented status is a warning)
 * @property {string} message
 */
/**
 * @typedef {object} Exchange
 * @property {string} method
 * @property {string} path
 * @property {number} status
 * @property {Violation[]} violations
 */

/**
 * @param {{ spec: string, upstream: string, port?: number, errors?: boolean, onExchange?: (exchange: Exchange) => void }} options
 *   `errors`: Prism answers a violating response with a 500 problem instead of passing it on.
 */
export async function startValidatingProxy({ spec, upstream, port, errors = false, onExchange }) {
  let target;
  try {
    target = new URL(upstream);
  } catch {
    throw new Error(`the upstream must be an absolute URL, got "${upstream}"`);
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    throw new Error(`the upstream must be an http(s) URL, got "${upstream}"`);
  }
  const prism = await startPrism({
    spec,
    args: errors ? ["proxy", "--errors"] : ["proxy"],
    upstream: target.href.replace(/\/$/, ""),
  });
  const prismUrl = new URL(prism.url);
  /** @type {Exchange[]} */
  const exchanges = [];

  const front = createServer((incoming, outgoing) => {
    const forward = httpRequest(
      {
        host: prismUrl.hostname,
        port: prismUrl.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        const exchange = {
          method: incoming.method ?? "GET",
          path: incoming.url ?? "/",
          status: answer.statusCode ?? 0,
          violations: readViolations(answer.headers["sl-violations"]),
        };
        exchanges.push(exchange);
        onExchange?.(exchange);
        outgoing.writeHead(exchange.status, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on("error", (error) => {
      outgoing.writeHead(502, { "content-type": "text/plain" }).end(`validating proxy: ${error.message}`);
    });
    incoming.pipe(forward);
  });
  let bound;
  try {
    // Port 0 unless one is asked for: the kernel's pick is ours at once, no other process can take it in between.
    bound = await new Promise((resolve, reject) => {
      front.once("error", reject);
      front.listen(port ?? 0, "127.0.0.1", () => {
        const address = front.address();
        resolve(typeof address === "object" && address ? address.port : port);
      });
    });
  } catch (error) {
    await prism.stop();
    throw error;
  }

  return {
    url: `http://127.0.0.1:${bound}`,
    exchanges,
    async stop() {
      await new Promise((resolve) => {
        front.close(() => resolve(undefined));
        front.closeAllConnections();
      });
      await prism.stop();
    },
  };
}

/**
 * Prism's `sl-violations` header: a JSON array, or that array's start after "Too many violations! ".
 * @param {string | string[] | undefined} header
 * @returns {Violation[]}
 */
export function readViolations(header) {
  if (header === undefined) return [];
  const text = Array.isArray(header) ? header.join(",") : header;
  try {
    const parsed = JSON.parse(text);
    return parsed.map((/** @type {any} */ v) => ({
      location: Array.isArray(v.location) ? v.location.join(".") : "",
      severity: String(v.severity ?? ""),
      message: String(v.message ?? ""),
    }));
  } catch {
    return [{ location: "", severity: "Error", message: text }];
  }
}

/**
 * One line per violation, for a person reading the terminal.
 * @param {Exchange} exchange
 */
export function describeExchange({ method, path, status, violations }) {
  if (violations.length === 0) return [`✔ ${method} ${path} → ${status}`];
  return violations.map(
    (v) => `${v.severity === "Warning" ? "⚠" : "✖"} ${method} ${path} → ${status}: ${v.location} ${v.message}`,
  );
}
