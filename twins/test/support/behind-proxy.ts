import type { FetchLike } from "@clientele/core";
import { START_CAP_MS } from "@clientele/devserver/child";
import { startPrism } from "@clientele/devserver/prism";
import { findProvider, readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { type RunningTwin, type StartOptions, startTwin, type TwinProvider } from "../../src/index.js";

const root = repoRoot;
/**
 * Start-up waits on Prism's "listening" event, however long a busy machine takes; the hook outlasts startPrism's own
 * cap so that the cap's message (what was waited for, Prism's output) is the one a failure shows.
 */
export const PRISM_START_MS = START_CAP_MS + 10_000;

/** A clock the test moves by hand: the twin's modification times, rate-limit windows and Date header follow it. */
export function manualClock(start = Date.UTC(2024, 0, 15, 9, 0, 0)) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

/**
 * Runs the twin of `provider` behind Prism's validating proxy (`prism proxy <spec> <twin> --errors`) for the
 * tests of the calling file. Every response is checked: Prism reports any request or response that leaves the
 * spec (an undocumented status too) in `sl-violations`, and after each test there must have been none.
 * `direct` reaches the twin without the proxy, for what Prism would answer itself (a missing credential, a body
 * that leaves the spec).
 */
export function twinBehindProxy<P extends TwinProvider>(provider: P, start: StartOptions<P> = {}) {
  const violations: string[] = [];
  const handle = {} as { twin: RunningTwin<P>; proxyUrl: string; stopProxy: () => Promise<void> };

  const fetch: FetchLike = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    const found = response.headers.get("sl-violations");
    if (found) violations.push(`${init?.method ?? "GET"} ${String(input)} → ${response.status}: ${found}`);
    return response;
  };

  beforeAll(async () => {
    const { spec } = findProvider(await readRegistry(root), provider);
    const twin = await startTwin(provider, start);
    try {
      const proxy = await startPrism({ spec, args: ["proxy", "--errors"], upstream: twin.url });
      Object.assign(handle, { twin, proxyUrl: proxy.url, stopProxy: proxy.stop });
    } catch (error) {
      await twin.stop();
      throw error;
    }
  }, PRISM_START_MS);
  afterAll(async () => {
    await handle.stopProxy?.();
    await handle.twin?.stop();
  });
  beforeEach(() => handle.twin.reset());
  afterEach(() => {
    const found = violations.splice(0);
    expect(found, "requests or responses that left the spec").toEqual([]);
  });

  return {
    fetch,
    get twin() {
      return handle.twin;
    },
    /** The proxy's URL: point a client's `baseUrl` here. */
    get url() {
      return handle.proxyUrl;
    },
    /** One request straight to the twin. */
    direct(path: string, init: RequestInit = {}) {
      return globalThis.fetch(handle.twin.url + path, init);
    },
  };
}

/** The error a call rejects with, or a failure when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error & { status?: number; body?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("the call succeeded; an error was expected");
}
