import type { FetchLike } from "@clientele/core/runtime";

/** One request as the injected fetch saw it. */
export interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

/** What a scripted step does with a request: answer, fail like a network error, or anything custom. */
export type Step = Response | Error | ((request: Seen) => Response | Promise<Response>);

/**
 * A fetch that answers each request with the next step of a script, recording what it was sent. A request beyond
 * the script fails the test loudly instead of hanging.
 */
export function scriptedFetch(...steps: Step[]) {
  const seen: Seen[] = [];
  const fetch: FetchLike = async (input, init = {}) => {
    const request: Seen = {
      method: init.method ?? "GET",
      url: String(input),
      headers: { ...(init.headers as Record<string, string>) },
      body: init.body as string | undefined,
      signal: init.signal ?? undefined,
    };
    seen.push(request);
    const step = steps[seen.length - 1];
    if (step === undefined) throw new Error(`unscripted request #${seen.length}: ${request.method} ${request.url}`);
    if (step instanceof Error) throw step;
    return typeof step === "function" ? step(request) : step;
  };
  return { fetch, seen };
}

/** A JSON response; `status` 200 unless given. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/** A network failure as Node's fetch reports it: a TypeError whose cause carries the system error code. */
export function networkError(code: string, message = `connect ${code} 127.0.0.1:9`): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first (as fetch does). */
export function abortableDelay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException("aborted", "AbortError"));
    });
  });
}

/** A 200 whose headers arrive at once but whose body stalls for `ms` before it ends; aborting errors it. */
export function slowBody(ms: number, signal: AbortSignal | undefined, text = '{"ok":true}'): Response {
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(new TextEncoder().encode(text.slice(0, 3)));
      try {
        await abortableDelay(ms, signal);
        controller.enqueue(new TextEncoder().encode(text.slice(3)));
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  return new Response(body, { headers: { "content-type": "application/json" } });
}
