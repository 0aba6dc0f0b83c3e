// Prism's validation proxy in front of a real vendor URL, with a thin front that reads Prism's `sl-violations`
// header off every response, so each violation is reported with the exact request it belongs to (Prism's own log
// prints violations without naming the request).
import { createServer, request as httpRequest } from "node:http";
import { startPrism } from "./prism.js";

export interface Violation {
  /** e.g. "response.body.customer_id" */
  location: string;
  /** "Error" or "Warning" (an undocumented status is a warning) */
  severity: string;
  message: string;
}

export interface Exchange {
  method: string;
  path: string;
  status: number;
  violations: Violation[];
}

export interface ValidatingProxyOptions {
  /** the spec's path, relative to the repository root */
  spec: string;
  upstream: string;
  port?: number | undefined;
  /** Prism answers a violating response with a 500 problem instead of passing it on */
  errors?: boolean;
  onExchange?: (exchange: Exchange) => void;
}

export interface ValidatingProxy {
  url: string;
  exchanges: Exchange[];
  stop: () => Promise<void>;
}

export async function startValidatingProxy(options: ValidatingProxyOptions): Promise<ValidatingProxy> {
  const { spec, upstream, port, errors = false, onExchange } = options;
  let target: URL;
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
  const exchanges: Exchange[] = [];

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
        const exchange: Exchange = {
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
  let bound: number;
  try {
    // Port 0 unless one is asked for: the kernel's pick is ours at once, no other process can take it in between.
    bound = await new Promise<number>((resolve, reject) => {
      front.once("error", reject);
      front.listen(port ?? 0, "127.0.0.1", () => {
        const address = front.address();
        resolve(typeof address === "object" && address ? address.port : (port ?? 0));
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
      await new Promise<void>((resolve) => {
        front.close(() => resolve());
        front.closeAllConnections();
      });
      await prism.stop();
    },
  };
}

/** Prism's `sl-violations` header: a JSON array, or that array's start after "Too many violations! ". */
export function readViolations(header: string | string[] | undefined): Violation[] {
  if (header === undefined) return [];
  const text = Array.isArray(header) ? header.join(",") : header;
  try {
    const parsed: { location?: unknown; severity?: unknown; message?: unknown }[] = JSON.parse(text);
    return parsed.map((v) => ({
      location: Array.isArray(v.location) ? v.location.join(".") : "",
      severity: String(v.severity ?? ""),
      message: String(v.message ?? ""),
    }));
  } catch {
    return [{ location: "", severity: "Error", message: text }];
  }
}

/** One line per violation, for a person reading the terminal. */
export function describeExchange({ method, path, status, violations }: Exchange): string[] {
  if (violations.length === 0) return [`✔ ${method} ${path} → ${status}`];
  return violations.map(
    (v) => `${v.severity === "Warning" ? "⚠" : "✖"} ${method} ${path} → ${status}: ${v.location} ${v.message}`,
  );
}
