import { loopbackUrl, mockPort, twinPort } from "@clientele/devserver/ports";
import type { PortalManifest, PortalProvider, PortalSeed, RunningServers } from "./manifest.js";
import { seedAnchor } from "./seed-documents.js";

export type { PortalManifest, PortalOperation, PortalProvider, PortalSeed, RunningServers } from "./manifest.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const html = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
/** "1 operation", "3 operations". */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/**
 * The portal's front page. Without `mocks` (a static build) it names the ports `pnpm start` runs each mock and twin
 * on; with them (served by `pnpm start`) it gives the running mocks' and twins' base URLs, and says which is which.
 */
export function renderIndex(manifest: PortalManifest, running: RunningServers = {}): string {
  const { mocks, twins, twinCredentials } = running;
  const sections = manifest.providers
    .map((provider, index) => renderProvider(provider, index, mocks, twins, twinCredentials))
    .join("\n");
  const contents = manifest.providers
    .map(
      (p) =>
        `<li><a href="#${html(p.id)}">${html(p.title)}</a> <small>(${count(p.operations.length, "operation")})</small></li>`,
    )
    .join("\n      ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>clientele API docs</title>
  <link rel="icon" href="data:,">
  <style>
    body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 64rem; padding: 1rem 1.5rem 3rem; color: #1f2937; line-height: 1.5; }
    h1 { margin-bottom: 0.25rem; }
    section { border: 1px solid #e5e7eb; border-radius: 8px; padding: 0.5rem 1.25rem 1rem; margin: 1.5rem 0; }
    section section { border: 0; padding: 0; margin: 1rem 0; }
    .table { overflow-x: auto; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #f3f4f6; vertical-align: top; }
    code { font-size: 0.9em; }
    .method { font-family: ui-monospace, monospace; font-weight: 700; }
    .inferred { background: #fef3c7; color: #92400e; border: 1px solid #f59e0b; border-radius: 4px; padding: 0 6px; font-size: 0.8em; font-weight: 600; }
    .muted { color: #6b7280; }
  </style>
</head>
<body>
  <h1>clientele API docs</h1>
  <p>Offline docs of the vendor APIs our typed clients cover, rendered from the specs in <code>specs/</code>. Every
  operation shows how to call it with our client (TypeScript). Elements the vendor documents leave open are inferred
  in the spec and carry an <span class="inferred">Inferred</span> badge.
  ${mocks ? "Each API's Prism mock and twin are running: point a client's <code>baseUrl</code> at either." : "Run <code>pnpm start</code> to serve this portal with a Prism mock and a twin of every API."}</p>
  <p>A <strong>mock</strong> (Prism) is stateless: it answers every call with the spec's examples and reports requests
  that leave the spec in its <code>sl-violations</code> header. A <strong>twin</strong> is stateful: it keeps what you
  create, paginates, conflicts and counts rate limits down as the vendor documents, with the documented default
  credentials.</p>
  <nav>
    <ul>
      ${contents}
      <li><a href="#vendor-documents">Vendor documents</a></li>
    </ul>
  </nav>
${sections}
${renderSeeds(manifest.providers)}
</body>
</html>
`;
}

function renderProvider(
  provider: PortalProvider,
  index: number,
  mocks: RunningServers["mocks"],
  twins: RunningServers["twins"],
  credentials: RunningServers["twinCredentials"],
): string {
  const mock = mocks
    ? mocks[provider.id]
      ? `<code>${html(mocks[provider.id])}</code> (Prism, running)`
      : '<span class="muted">not running</span>'
    : `<span class="muted">not running; <code>pnpm start</code> serves it at</span> <code>${html(loopbackUrl(mockPort(index)))}</code>`;
  const login = credentials?.[provider.id] ? ` <span class="muted">${html(credentials[provider.id])}</span>` : "";
  const twin = twins
    ? twins[provider.id]
      ? `<code>${html(twins[provider.id])}</code> (stateful twin, running)${login}`
      : '<span class="muted">not running</span>'
    : `<span class="muted">not running; <code>pnpm start</code> serves it at</span> <code>${html(loopbackUrl(twinPort(index)))}</code>`;
  const rows = provider.operations
    .map(
      (op) =>
        `<tr><td class="method">${html(op.method)}</td><td><code>${html(op.path)}</code></td><td>${html(op.summary)}${op.inferred ? ' <span class="inferred">Inferred</span>' : ""}</td><td><code>${html(op.id)}</code></td></tr>`,
    )
    .join("\n        ");
  return `  <section id="${html(provider.id)}">
    <h2><a href="${html(provider.page)}">${html(provider.title)}</a> <small class="muted">${html(provider.version)}</small></h2>
    <dl>
      <dt>Docs</dt><dd><a href="${html(provider.page)}">${html(provider.page)}</a>${provider.inferred > 0 ? ` <span class="muted">(${count(provider.inferred, "inferred element")} marked)</span>` : ""}</dd>
      <dt>Package</dt><dd><code>${html(provider.packageName)}</code></dd>
      <dt>Formalizes</dt><dd>${provider.origin.map((o) => `<a href="#${html(seedAnchor(o))}"><code>${html(o)}</code></a>`).join(", ") || '<span class="muted">no seed document named</span>'}</dd>
      <dt>Bundled spec</dt><dd><a href="${html(provider.specYaml)}">YAML</a> · <a href="${html(provider.specJson)}">JSON</a></dd>
      <dt>Mock</dt><dd>${mock}</dd>
      <dt>Twin</dt><dd>${twin}</dd>
    </dl>
    <div class="table"><table>
      <thead><tr><th>Method</th><th>Path</th><th>Summary</th><th>Client method</th></tr></thead>
      <tbody>
        ${rows}
      </tbody>
    </table></div>
  </section>`;
}

/**
 * One section per vendor document, which every mention of it in the portal links to: the documents themselves are
 * the vendors' text and are not published here.
 */
function renderSeeds(providers: PortalProvider[]): string {
  const items = providers.flatMap((provider) =>
    (provider.seeds ?? provider.origin.map((file): PortalSeed => ({ file, operations: [], mentions: 0 }))).map(
      (seed) => {
        const cited = seed.operations.length
          ? `Cited by ${seed.operations.map((id) => `<code>${html(id)}</code>`).join(", ")}`
          : "No operation cites it by name";
        const mentions = seed.mentions > 0 ? ` (${count(seed.mentions, "mention")} in the spec).` : ".";
        return `    <section id="${html(seedAnchor(seed.file))}">
      <h3><code>${html(seed.file)}</code></h3>
      <p>${seed.covers ? `${html(seed.covers)} ` : ""}Formalized by <a href="${html(provider.page)}">${html(provider.title)}</a> (<code>${html(provider.packageName)}</code>). ${cited}${mentions}</p>
    </section>`;
      },
    ),
  );
  return `  <section id="vendor-documents">
    <h2>Vendor documents</h2>
    <p>The specs formalize these vendor documents and cite them by file name (in each spec's
    <code>info.x-origin</code> and in the source notes of inferred elements). The documents are the vendors' text
    and are not published with this portal; the spec pages quote them where it matters.</p>
${items.join("\n")}
  </section>`;
}
