#!/usr/bin/env node
// `pnpm start` / `npm start` (through scripts/bootstrap.mjs): rebuilds what is stale (generated code, the docs
// portal), starts a Prism mock (stateless, the spec's examples) and a twin (stateful, the documented behaviour) of
// every provider in the registry on fixed ports, serves the portal on 127.0.0.1 and prints what runs where. Ctrl-C
// stops everything. Mocks and twins run as child processes (child.ts): a request one fails on gets a 500 and is
// reported here; a child that exits anyway is reported and restarted on its port (--restarts times at most, then
// everything stops with exit code 1). Children go when this process goes, however it goes.
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generate } from "@clientele/codegen/main";
import { buildPortal, portalInputs, readManifest } from "@clientele/portal/build-portal";
import { DEFAULT_OUT } from "@clientele/portal/main";
import { renderIndex } from "@clientele/portal/render-index";
import { serveDirectory } from "@clientele/portal/static-server";
import { countOption, portOption } from "@clientele/registry/cli";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { twinCredentials } from "@clientele/twins";
import { consecutivePorts, ensureFree } from "./port-check.js";
import { MOCK_PORT_BASE, mockPort, PORTAL_PORT, TWIN_PORT_BASE, twinPort } from "./ports.js";
import { startMock, startTwin } from "./provider-servers.js";
import { describeRunning } from "./running-table.js";
import { DEFAULT_RESTARTS, type Supervised } from "./supervise.js";

const root = repoRoot;
const USAGE =
  "usage: pnpm start [--port N] [--mock-port N] [--twin-port N] [--out DIR] [--restarts N]   (port 0: any free port)";
const credentials: Readonly<Record<string, string>> = twinCredentials;

const stops: (() => Promise<void>)[] = [];
/** Mocks and twins being started: Ctrl-C during start-up must still stop the ones that come up. */
const starting: Promise<Supervised>[] = [];
let stopping = false;

main().catch(async (error: unknown) => {
  console.error(`start: ${error instanceof Error ? error.message : error}`);
  console.error(USAGE);
  await shutdown(1);
});
// A crash of this process must not leave the portal half-served; the children would exit on their own anyway.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, async (error: unknown) => {
    console.error(`start: crashed, stopping everything: ${error instanceof Error ? error.stack : error}`);
    await shutdown(1);
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      "mock-port": { type: "string" },
      "twin-port": { type: "string" },
      out: { type: "string" },
      restarts: { type: "string" },
    },
  });
  const restarts = countOption(values.restarts, "--restarts") ?? DEFAULT_RESTARTS;
  const port = portOption(values.port, "--port", true) ?? PORTAL_PORT;
  const mockBase = portOption(values["mock-port"], "--mock-port", true) ?? MOCK_PORT_BASE;
  const twinBase = portOption(values["twin-port"], "--twin-port", true) ?? TWIN_PORT_BASE;
  const out = values.out === undefined ? DEFAULT_OUT : resolve(values.out);
  process.once("SIGINT", () => shutdown(0));
  process.once("SIGTERM", () => shutdown(0));

  const providers = await readRegistry(root);
  const stale = await generate({ write: false });
  if (stale.length > 0) {
    console.log(`generate: ${stale.length} stale generated file(s), regenerating`);
    await generate({ write: true });
  }
  const built = await readManifest(out);
  const manifest =
    built && built.inputs === (await portalInputs(root, providers))
      ? built
      : await buildPortal({ root, out, log: (line) => console.log(line) });
  if (manifest === built) console.log(`docs: ${relative(root, out) || "."} is up to date`);

  const mockPorts = consecutivePorts(mockBase, providers.length, mockPort, "--mock-port");
  const twinPorts = consecutivePorts(twinBase, providers.length, twinPort, "--twin-port");
  for (const [index, provider] of providers.entries()) {
    await ensureFree(mockPorts[index] ?? 0, `the ${provider.id} mock`, "--mock-port");
    await ensureFree(twinPorts[index] ?? 0, `the ${provider.id} twin`, "--twin-port");
  }
  await ensureFree(port, "the docs portal", "--port");

  const log = (line: string) => console.error(`start: ${line}`);
  const onGiveUp = (reason: string) => {
    log(`${reason}; stopping everything.`);
    void shutdown(1);
  };
  const options = (ports: number[], index: number) => ({ port: ports[index] ?? 0, restarts, log, onGiveUp });
  starting.push(
    ...providers.map((provider, index) => startMock(provider, options(mockPorts, index))),
    ...providers.map((provider, index) => startTwin(provider, options(twinPorts, index))),
  );
  const started = await Promise.allSettled(starting);
  // Ctrl-C during start-up: shutdown() stops what came up; announcing it as running would be wrong.
  if (stopping) return;
  const failed = started.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  const urlAt = (position: number) => {
    const result = started[position];
    return result?.status === "fulfilled" ? result.value.url : "";
  };
  const mockUrls = Object.fromEntries(providers.map(({ id }, index) => [id, urlAt(index)]));
  const twinUrls = Object.fromEntries(providers.map(({ id }, index) => [id, urlAt(providers.length + index)]));

  const index = () => renderIndex(manifest, { mocks: mockUrls, twins: twinUrls, twinCredentials: credentials });
  const portal = await serveDirectory({ dir: out, port, routes: { "/index.html": index } });
  stops.push(portal.close);
  if (stopping) return portal.close();

  const running = providers.map(({ id }) => ({
    id,
    docs: `${portal.url}/${id}.html`,
    mock: mockUrls[id] ?? "",
    twin: twinUrls[id] ?? "",
    credentials: credentials[id] ?? "",
  }));
  console.log(describeRunning(portal.url, running));
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  const children = (await Promise.allSettled(starting)).flatMap((r) =>
    r.status === "fulfilled" ? [r.value.stop] : [],
  );
  const all = [...stops, ...children];
  if (all.length > 0) console.log("\nstopping the portal, the mocks and the twins ...");
  await Promise.allSettled(all.map((stop) => stop()));
  if (all.length > 0) console.log("stopped.");
  process.exit(code);
}
