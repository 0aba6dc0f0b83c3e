// The servers one matrix run talks to, all on 127.0.0.1 and its own (so runs in parallel share no state): the twins
// the provider scenarios call, and the fault server. For the browser the fault server is also the page's origin: it
// serves the bundled app and passes /twin/<provider>/ on to the twins, so no call is cross-origin. After the run,
// `verify` checks what reached the servers.
import { type RunningTwin, startTwin, type TwinProvider } from "@clientele/twins";
import { type Files, startFaultServer } from "./fault-server.ts";
import { corsPreflights, FAULT_SCENARIOS, faultPath, TWINS, twinProblems } from "./scenario.mjs";

/** Where a runtime finds the servers: each twin by provider id, and the fault server. */
export interface SiteUrls {
  twins: Record<string, string>;
  fault: string;
}

export interface Site {
  /** for a runtime that may call any origin */
  urls: SiteUrls;
  /** every URL on the fault server */
  sameOrigin: SiteUrls;
  /** files the fault server serves */
  serve: (files: Files) => void;
  /** how many requests the fault server has had for a path's first segment */
  requests: (key: string) => number;
  /** scenario → what the servers saw wrong; with `browser`, the browser-only scenarios too */
  verify: (run?: { browser?: boolean }) => Promise<Record<string, string>>;
  stop: () => Promise<void>;
}

/** @param faultProviders the providers whose smoke call the fault scenarios make */
export async function startSite(faultProviders: string[]): Promise<Site> {
  const twins = new Map<string, RunningTwin<TwinProvider>>();
  for (const [id, options] of Object.entries(TWINS)) {
    twins.set(id, await startTwin(id as TwinProvider, { options }));
  }
  const twinUrls = Object.fromEntries([...twins].map(([id, twin]) => [id, twin.url]));
  const fault = await startFaultServer(twinUrls);
  const [timeout, abort, retry] = FAULT_SCENARIOS;
  /** What the fault server saw of each provider's call, as problems: a missing or wrong one names its provider. */
  const seen = async (key: string, wanted: (answer: string) => boolean) => {
    const answers = await Promise.all(
      faultProviders.map(async (id) => {
        const segment = faultPath(key, id).slice(1);
        const answer = key.startsWith("hang-") ? await fault.closed(segment) : fault.statuses(segment).join(", ");
        return wanted(answer) ? "" : `${id}: the server saw ${answer || "nothing"}`;
      }),
    );
    return answers.filter(Boolean).join("; ");
  };
  return {
    urls: { twins: twinUrls, fault: fault.url },
    sameOrigin: {
      twins: Object.fromEntries([...twins.keys()].map((id) => [id, `${fault.url}/twin/${id}`])),
      fault: fault.url,
    },
    serve: fault.serve,
    requests: fault.requests,
    async verify({ browser = false } = {}) {
      const exchanges = Object.fromEntries([...twins].map(([id, twin]) => [id, twin.exchanges]));
      const problems: Record<string, string> = twinProblems(exchanges);
      const checks: [string | undefined, string][] = [
        [timeout, await seen("hang-timeout", (answer) => answer === "1 request, closed")],
        // The abort may come before the request is sent.
        [abort, await seen("hang-abort", (answer) => ["0 requests", "1 request, closed"].includes(answer))],
        [retry, await seen("flaky-retry", (answer) => answer === "503, 200")],
      ];
      for (const [scenario, problem] of checks) if (scenario && problem) problems[scenario] = problem;
      if (browser) {
        // The twin answered the page's preflight, and the CORS-less server did see the blocked call (so it was
        // CORS that stopped it, not the network).
        const preflights = corsPreflights(exchanges);
        const blocked = fault.requests("cors-blocked");
        if (preflights !== 1 || blocked === 0) {
          problems.cors = `${preflights} preflights at the twin, ${blocked} blocked requests seen`;
        }
      }
      return problems;
    },
    async stop() {
      await Promise.all([fault.stop(), ...[...twins.values()].map((twin) => twin.stop())]);
    },
  };
}
