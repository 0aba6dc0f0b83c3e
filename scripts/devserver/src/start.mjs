#!/usr/bin/env node
// @ts-check
// `pnpm start` / `npm start` (through scripts/bootstrap.mjs): rebuilds what is stale (generated code, the docs
// portal), starts a Prism mock (stateless, the spec's examples) and a twin (stateful, the documented behaviour) of
// every provider on fixed ports, serves the portal on 127.0.0.1 and prints what runs where. Ctrl-C stops everything.
// Mocks and twins run as child processes (scripts/devserver/src/child.mjs): a request one fails on gets a 500 and is reported
// here; a child that exits anyway is reported and restarted on its port (--restarts times at most, then everything
// stops with exit code 1). Children go when this process goes, however it goes.
import { createServer } from "node:net";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generate } from "@clientele/codegen/main";
import { buildPortal, portalInputs, readManifest } from "@clientele/portal/build-portal";
import { DEFAULT_OUT } from "@clientele/portal/main";
import { renderIndex } from "@clientele/portal/render-index";
import { serveDirectory } from "@clientele/portal/static-server";
import { countOption, firstLine, portOption } from "@clientele/registry/cli";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { twinCredentials } from "@clientele/twins";
import { startChild } from "./child.mjs";
import { MOCK_PORT_BASE, mockPort, PORTAL_PORT, TWIN_PORT_BASE, twinPort } from "./ports.mjs";
import { startPrism } from "./prism.mjs";
import { DEFAULT_RESTARTS, supervise } from "./supervise.mjs";

const root = repoRoot;
const USAGE =
  "usage: pnpm start [--port N] [--mock-port N] [--twin-port N] [--out DIR] [--restarts N]   (port 0: any free port)";

/** @type {(() => Promise<void>)[]} */
const stops = [];
/** Mocks and twins being started: Ctrl-C during start-up must still stop the ones that come up. */
/** @type {Promise<import("./supervise.mjs").Supervised>[]} */
const starting = [];
let stopping = false;

main().catch(async (error) => {
  console.error(`start: ${error instanceof Error ? error.message : error}`);
  console.error(USAGE);
  await shutdown(1);
});
// A crash of this process must not leave the portal half-served; the children would exit on their own anyway.
for (const event of ["uncaughtException", "unhandledRejection"]) {
  process.on(event, async (error) => {
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

  for (const [option, base] of /** @type {const} */ ([
    ["--mock-port", mockBase],
    ["--twin-port", twinBase],
  ])) {
    if (base + providers.length - 1 > 65535) {
      throw new Error(`${option} ${base} leaves no room for ${providers.length} consecutive ports`);
    }
  }
  const ports = providers.map((_, index) => (mockBase === 0 ? 0 : mockPort(index, mockBase)));
  const twinPorts = providers.map((_, index) => (twinBase === 0 ? 0 : twinPort(index, twinBase)));
  for (const [index, provider] of providers.entries()) {
    await ensureFree(ports[index] ?? 0, `the ${provider.id} mock`, "--mock-port");
    await ensureFree(twinPorts[index] ?? 0, `the ${provider.id} twin`, "--twin-port");
  }
  await ensureFree(port, "the docs portal", "--port");
  /** @param {string} name @param {number} port @param {(port: number | undefined) => Promise<import("./child.mjs").RunningChild>} start */
  const keep = (name, port, start) =>
    supervise({
      name,
      port: port || undefined,
      restarts,
      start,
      log: (line) => console.error(`start: ${line}`),
      onGiveUp: (reason) => {
        console.error(`start: ${reason}; stopping everything.`);
        void shutdown(1);
      },
    });
  /** @param {string} name */
  const onSurvived = (name) => (/** @type {string} */ where, /** @type {string} */ error) =>
    console.error(`start: ${name} failed on ${where}, answered 500: ${firstLine(error)}`);
  starting.push(
    ...providers.map((provider, index) => {
      const name = `the ${provider.id} mock (Prism)`;
      return keep(name, ports[index] ?? 0, (port) =>
        startPrism({ spec: provider.spec, ...(port !== undefined && { port }), onSurvived: onSurvived(name) }),
      );
    }),
    ...providers.map((provider, index) => {
      const name = `the ${provider.id} twin`;
      return keep(name, twinPorts[index] ?? 0, (port) =>
        startChild({
          name,
          args: [
            join(root, "scripts", "devserver", "src", "twin.mjs"),
            provider.id,
            ...(port ? ["--port", String(port)] : []),
          ],
          cwd: root,
          onSurvived: onSurvived(name),
        }),
      );
    }),
  );
  const started = await Promise.allSettled(starting);
  // Ctrl-C during start-up: shutdown() stops what came up; announcing it as running would be wrong.
  if (stopping) return;
  const failed = started.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  const urlAt = (/** @type {number} */ position) => {
    const result = started[position];
    return result?.status === "fulfilled" ? result.value.url : "";
  };
  const mocks = Object.fromEntries(providers.map((provider, index) => [provider.id, urlAt(index)]));
  const twins = Object.fromEntries(providers.map((provider, index) => [provider.id, urlAt(providers.length + index)]));

  const index = () => renderIndex(manifest, { mocks, twins, twinCredentials });
  const portal = await serveDirectory({ dir: out, port, routes: { "/index.html": index } });
  stops.push(portal.close);
  if (stopping) return portal.close();

  const rows = [
    ["", "docs", "mock (Prism, stateless)", "twin (stateful)"],
    ["portal index", `${portal.url}/`, "", ""],
    ...providers.map((provider) => [
      provider.id,
      `${portal.url}/${provider.id}.html`,
      mocks[provider.id] ?? "",
      twins[provider.id] ?? "",
    ]),
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  console.log(`\nclientele is running on 127.0.0.1 (pid ${process.pid}; Ctrl-C stops everything):\n`);
  for (const row of rows) {
    const cells = row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell));
    console.log(`  ${cells.join("  ")}`.trimEnd());
  }
  console.log("\nTwin credentials (the documented defaults):");
  for (const provider of providers) {
    console.log(
      `  ${provider.id}: ${twinCredentials[/** @type {keyof typeof twinCredentials} */ (provider.id)] ?? ""}`,
    );
  }
  console.log(
    "\nPoint a client at a mock or a twin with its `baseUrl` option. A mock answers with the spec's examples and\n" +
      "reports invalid requests in `sl-violations`; a twin keeps what you create and behaves as the vendor documents.",
  );
}

/**
 * @param {number} code
 */
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  const mocks = (await Promise.allSettled(starting)).flatMap((r) => (r.status === "fulfilled" ? [r.value.stop] : []));
  const all = [...stops, ...mocks];
  if (all.length > 0) console.log("\nstopping the portal, the mocks and the twins ...");
  await Promise.allSettled(all.map((stop) => stop()));
  if (all.length > 0) console.log("stopped.");
  process.exit(code);
}

/**
 * Fails early, naming the option that moves it, when a fixed port is taken (an earlier `pnpm start`, `pnpm mock`).
 * @param {number} port 0 for any free port
 * @param {string} what
 * @param {string} option
 */
async function ensureFree(port, what, option) {
  if (port === 0) return;
  const free = await new Promise((done) => {
    const probe = createServer();
    probe.once("error", () => done(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => done(true)));
  });
  if (!free) throw new Error(`port ${port} for ${what} is in use on 127.0.0.1: stop what uses it or pass ${option}`);
}
