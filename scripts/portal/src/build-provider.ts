// One provider's part of the portal: its bundled spec (YAML and JSON, with the code samples), its Redoc page with the
// Inferred badges, source notes and composed response examples, and its rendered diagrams.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readSamples } from "@clientele/codegen/render-samples";
import type { Provider } from "@clientele/registry/registry";
import { listOperations } from "@clientele/registry/spec-walk";
import type { OperationObject } from "openapi-typescript";
import { stringify } from "yaml";
import { markInferred } from "./mark-inferred.js";
import { TEMPLATE } from "./portal-inputs.js";
import { bundleSpec, offline, redocly } from "./redocly.js";
import { renderDiagram, specDiagrams } from "./render-diagram.js";
import type { PortalProvider } from "./render-index.js";
import { addResponseExamples } from "./response-examples.js";
import { linkSeedMentions, linkSeedNames, readOrigins, seedCitations, seedHref } from "./seed-documents.js";

/** Redoc shows `x-codeSamples` only for languages its options list; "payload" keeps the request body tab. */
const CODE_SAMPLE_LANGUAGES = [{ lang: "TypeScript" }, { lang: "payload", label: "Payload" }];

interface SpecOperation {
  path: string;
  method: string;
  operation: OperationObject;
}

interface Samples {
  file: string;
  samples: Map<string, string>;
}

export async function buildProvider(
  root: string,
  provider: Provider,
  work: string,
  site: string,
): Promise<PortalProvider> {
  const { id } = provider;
  const spec = await bundleSpec(root, provider.spec, join(work, `${id}.bundled.yaml`));
  const { name: packageName }: { name: string } = JSON.parse(
    await readFile(join(root, provider.packageDir, "package.json"), "utf8"),
  );
  const operations: SpecOperation[] = listOperations(spec);
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
      id: operation.operationId ?? "",
      method: method.toUpperCase(),
      path,
      summary: operation.summary ?? operation.operationId ?? "",
      tag: operation.tags?.[0] ?? "",
      inferred: operation["x-inferred"] === true || spec.paths?.[path]?.["x-inferred"] === true,
    })),
  };
}

/** The generated samples of a provider, which `tsc -p .` compiles: the docs show exactly what was type-checked. */
async function loadSamples(root: string, provider: Provider): Promise<Samples> {
  const file = join(provider.packageDir, "src", "generated", "samples.ts");
  const text = await readFile(join(root, file), "utf8").catch(() => {
    throw new Error(`${file} is missing: run \`pnpm generate\``);
  });
  return { file, samples: readSamples(text) };
}

function addCodeSamples(operations: SpecOperation[], { file, samples }: Samples) {
  for (const { operation } of operations) {
    const source = samples.get(operation.operationId ?? "");
    if (!source) throw new Error(`${file} has no sample for ${operation.operationId}: run \`pnpm generate\``);
    operation["x-codeSamples"] = [{ lang: "TypeScript", label: "TypeScript", source }];
  }
}
