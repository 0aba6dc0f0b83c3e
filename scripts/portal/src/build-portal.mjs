// @ts-check
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { moduleGraph } from "@clientele/codegen/module-graph";
import { readSamples } from "@clientele/codegen/render-samples";
import { digest } from "@clientele/codegen/stamp";
import { readRegistry } from "@clientele/registry/registry";
import { listOperations } from "@clientele/registry/spec-walk";
import { parse, stringify } from "yaml";
import { markInferred } from "./mark-inferred.mjs";
import { renderDiagram, specDiagrams } from "./render-diagram.mjs";
import { count, renderIndex } from "./render-index.mjs";
import { addResponseExamples } from "./response-examples.mjs";
import { linkSeedMentions, linkSeedNames, readOrigins, seedCitations, seedHref } from "./seed-documents.mjs";

/** @typedef {import("./render-index.mjs").PortalManifest} PortalManifest */
/** @typedef {import("./render-index.mjs").PortalProvider} PortalProvider */
/** @typedef {import("@clientele/registry/registry").Provider} Provider */

const here = dirname(fileURLToPath(import.meta.url));
const REDOCLY = join(here, "..", "..", "..", "node_modules", ".bin", "redocly");
/** The page template is part of the docs build, not of the specs it renders (a fixture root has none). */
const TEMPLATE = join(here, "..", "..", "..", "docs", "redoc.hbs");

/** The build's own record, next to the pages: the index is rendered from it and freshness is judged by it. */
export const MANIFEST = "portal.json";

/** Redoc's attribution logo comes from a CDN; the same attribution as an inline text image makes no request. */
const REMOTE_LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const OFFLINE_LOGO =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='56' height='16'%3E%3Ctext x='0' y='12' " +
  "font-family='system-ui,sans-serif' font-size='12' fill='%23555'%3ERedocly%3C/text%3E%3C/svg%3E";

/** Anything in a built page that would load from the network (the browser test checks the rendered page too). */
const REMOTE_LOADS = [
  /cdn\.redoc\.ly/,
  /fonts\.googleapis\.com/,
  /<script[^>]*\ssrc=["']?(?:https?:)?\/\//i,
  /<link[^>]*\shref=["']?(?:https?:)?\/\//i,
];

/** The tools whose version changes what a build produces. */
const TOOLS = ["@redocly/cli", "beautiful-mermaid"];

/** Redoc shows `x-codeSamples` only for languages its options list; "payload" keeps the request body tab. */
const CODE_SAMPLE_LANGUAGES = [{ lang: "TypeScript" }, { lang: "payload", label: "Payload" }];

/**
 * A digest of everything a portal build reads, so `pnpm start` can tell a stale build from a fresh one.
 * @param {string} root
 * @param {Provider[]} [providers]
 */
export async function portalInputs(root, providers) {
  const list = providers ?? (await readRegistry(root));
  const read = (/** @type {string} */ file) => readFile(join(root, file), "utf8").catch(() => `${file}: missing`);
  // Their package.json files, read directly: beautiful-mermaid's exports do not include it.
  const texts = await Promise.all([
    ...TOOLS.map((name) => read(join("node_modules", name, "package.json"))),
    read("redocly.yaml"),
    readFile(TEMPLATE, "utf8"),
    ...list.flatMap((p) => [
      read(p.spec),
      read(join(p.packageDir, "package.json")),
      read(join(p.packageDir, "src", "generated", "samples.ts")),
    ]),
  ]);
  const sources = await moduleGraph([fileURLToPath(import.meta.url)], here);
  return digest([...texts, ...sources].join("\n"));
}

/**
 * Reads the manifest of a built portal; undefined when there is none.
 * @param {string} out
 * @returns {Promise<PortalManifest | undefined>}
 */
export async function readManifest(out) {
  const text = await readFile(join(out, MANIFEST), "utf8").catch(() => undefined);
  return text === undefined ? undefined : JSON.parse(text);
}

/**
 * `pnpm run docs`: one Redoc page per provider, its bundled spec (YAML and JSON, with the code samples), rendered
 * diagrams and an index, into `out`. Everything is built in a temporary folder first, so a failed build leaves
 * the previous portal in place.
 * @param {{ root: string, out: string, log?: (line: string) => void }} options
 * @returns {Promise<PortalManifest>}
 */
export async function buildPortal({ root, out, log = () => {} }) {
  const existing = await readdir(out).catch(() => undefined);
  if (existing && existing.length > 0 && !existing.includes(MANIFEST)) {
    throw new Error(`${out} is not empty and holds no portal build (${MANIFEST}); choose an empty or new folder`);
  }
  const providers = await readRegistry(root);
  const work = await mkdtemp(join(tmpdir(), "clientele-docs-build-"));
  try {
    const site = join(work, "site");
    await mkdir(site);
    const built = await Promise.all(providers.map((provider) => buildProvider(root, provider, work, site)));
    for (const p of built) {
      log(`docs: ${p.page} (${(p.pageBytes / 1024).toFixed(0)} KiB, ${count(p.operations.length, "operation")})`);
    }
    /** @type {PortalManifest} */
    const manifest = { inputs: await portalInputs(root, providers), providers: built };
    await writeFile(join(site, "index.html"), renderIndex(manifest));
    await rm(out, { recursive: true, force: true });
    await mkdir(dirname(out), { recursive: true });
    await cp(site, out, { recursive: true });
    // Written last: a manifest in `out` means the build there is complete.
    await writeFile(join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    log(`docs: portal written to ${relative(root, out) || "."}/index.html`);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * @param {string} root
 * @param {Provider} provider
 * @param {string} work
 * @param {string} site
 * @returns {Promise<PortalProvider>}
 */
async function buildProvider(root, provider, work, site) {
  const { id } = provider;
  const spec = await bundleSpec(root, provider.spec, join(work, `${id}.bundled.yaml`));
  const { name: packageName } = JSON.parse(await readFile(join(root, provider.packageDir, "package.json"), "utf8"));
  const operations = listOperations(spec);
  addCodeSamples(operations, await loadSamples(root, provider));

  const specYaml = `${id}.yaml`;
  const specJson = `${id}.json`;
  await writeFile(join(site, specYaml), stringify(spec, { lineWidth: 0 }));
  await writeFile(join(site, specJson), `${JSON.stringify(spec, null, 2)}\n`);

  const origins = readOrigins(spec);
  const known = new Set(origins.map((o) => o.file));
  const docs = structuredClone(spec);
  linkSeedMentions(docs, known);
  const inferred = markInferred(docs, { notes: (markdown) => linkSeedNames(markdown, known) });
  addResponseExamples(docs);
  const diagrams = specDiagrams(docs).map((diagram) => ({ ...diagram, file: `${id}-${diagram.name}.svg` }));
  for (const diagram of diagrams) await writeFile(join(site, diagram.file), renderDiagram(diagram.source));
  docs.info.description = [
    `[← All APIs](index.html) · Package \`${packageName}\` · Bundled spec: [YAML](${specYaml}), [JSON](${specJson})` +
      (origins.length
        ? ` · Vendor documents: ${origins.map((o) => `[${o.file}](${seedHref(o.file)})`).join(", ")}`
        : ""),
    docs.info.description ?? "",
    ...diagrams.map(
      (d) =>
        `## ${d.title}\n\n[![${d.title}](${d.file})](${d.file})\n\nRendered at build time from the mermaid source kept ` +
        `verbatim in the spec's root extension \`${d.extension}\` (select it for full size).`,
    ),
  ].join("\n\n");
  const docsFile = join(work, `${id}.docs.yaml`);
  await writeFile(docsFile, stringify(docs, { lineWidth: 0 }));

  const page = `${id}.html`;
  const options = {
    codeSamples: { languages: CODE_SAMPLE_LANGUAGES },
    downloadUrls: [
      { title: "YAML", url: specYaml },
      { title: "JSON", url: specJson },
    ],
  };
  await redocly(root, [
    "build-docs",
    docsFile,
    "--output",
    join(work, page),
    "--inlineBundle",
    "--template",
    TEMPLATE,
    "--openapi",
    JSON.stringify(options),
  ]);
  const html = offline(await readFile(join(work, page), "utf8"), page);
  await writeFile(join(site, page), html);

  return {
    id,
    title: spec.info?.title ?? id,
    version: spec.info?.version ?? "",
    packageName,
    origin: origins.map((o) => o.file),
    seeds: [...seedCitations(spec, [...known])].map(([file, cited]) => ({
      ...origins.find((o) => o.file === file),
      file,
      ...cited,
    })),
    page,
    specYaml,
    specJson,
    diagrams: diagrams.map((d) => d.file),
    inferred,
    pageBytes: Buffer.byteLength(html),
    operations: operations.map(({ path, method, operation }) => ({
      id: operation.operationId,
      method: method.toUpperCase(),
      path,
      summary: operation.summary ?? operation.operationId,
      tag: operation.tags?.[0] ?? "",
      inferred: operation["x-inferred"] === true || spec.paths?.[path]?.["x-inferred"] === true,
    })),
  };
}

/**
 * A spec as the portal publishes it: `redocly bundle` output, written to `file` and returned parsed.
 * @param {string} root
 * @param {string} spec  the spec's path relative to `root`
 * @param {string} file
 */
export async function bundleSpec(root, spec, file) {
  await redocly(root, ["bundle", spec, "--output", file]);
  return parse(await readFile(file, "utf8"));
}

/**
 * The generated samples of a provider, which `tsc -p .` compiles: the docs show exactly what was type-checked.
 * @param {string} root
 * @param {Provider} provider
 */
async function loadSamples(root, provider) {
  const file = join(provider.packageDir, "src", "generated", "samples.ts");
  const text = await readFile(join(root, file), "utf8").catch(() => {
    throw new Error(`${file} is missing: run \`pnpm generate\``);
  });
  return { file, samples: readSamples(text) };
}

/**
 * @param {{ operation: any }[]} operations
 * @param {{ file: string, samples: Map<string, string> }} loaded
 */
function addCodeSamples(operations, { file, samples }) {
  for (const { operation } of operations) {
    const source = samples.get(operation.operationId);
    if (!source) throw new Error(`${file} has no sample for ${operation.operationId}: run \`pnpm generate\``);
    operation["x-codeSamples"] = [{ lang: "TypeScript", label: "TypeScript", source }];
  }
}

/**
 * The built page with its one remote asset replaced; throws if anything else would still load from the network.
 * @param {string} html
 * @param {string} page
 */
function offline(html, page) {
  const patched = html.replace(REMOTE_LOGO, OFFLINE_LOGO);
  // build-docs 2.77 has no --disableTelemetry flag: it turns the page's telemetry off when REDOCLY_TELEMETRY=off.
  if (!patched.includes('"disableTelemetry":true')) throw new Error(`${page}: Redoc telemetry is not disabled`);
  const remote = REMOTE_LOADS.find((pattern) => pattern.test(patched));
  if (remote) throw new Error(`${page} would load from the network (${remote})`);
  return patched;
}

/**
 * Runs the installed Redocly CLI, offline: no telemetry, no update check.
 * @param {string} root
 * @param {string[]} args
 */
function redocly(root, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(REDOCLY, args, {
      cwd: root,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`redocly ${args[0]} ${args[1]} failed with exit code ${code}:\n${output}`));
    });
  });
}
