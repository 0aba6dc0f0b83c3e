// Security lint (a step of `pnpm test`): Spectral's OWASP API Security Top 10 (2023) rules over every spec of the
// registry. Fails on any finding that .spectral.yaml does not accept, on an acceptance that no longer matches a
// finding (a risk that is gone must leave the docs too), and on a "Known risks" section that differs from the
// accepted findings. `--write` rewrites those sections first.
import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { readAcceptedRisks, renderKnownRisks, withKnownRisks } from "./known-risks.ts";

const root = repoRoot;
const RULESET = ".spectral.yaml";
/** Columns of description text: the specs wrap at 116, and the description is indented by 4. */
const WIDTH = 112;

/** A finding, as Spectral's JSON output gives it. */
interface Finding {
  code: string;
  message: string;
  path: (string | number)[];
  source: string;
  range: { start: { line: number } };
}

/** Spectral's findings as JSON (it exits non-zero when it finds any, which is not an error here). */
function spectral(ruleset: string, specs: string[]): Promise<Finding[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(root, "node_modules", ".bin", "spectral"),
      ["lint", ...specs, "--ruleset", ruleset, "-f", "json", "-q"],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      try {
        resolve(JSON.parse(stdout || "[]"));
      } catch {
        reject(new Error(`spectral (${ruleset}) exited with ${code}:\n${stderr}${stdout}`));
      }
    });
  });
}

const pointerOf = (path: (string | number)[]) =>
  path.map((part) => `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");

const write = process.argv.includes("--write");
const unknown = process.argv.slice(2).filter((a) => a !== "--write");
if (unknown.length > 0) {
  console.error(`security-lint: unknown argument ${unknown.join(" ")}; usage: pnpm security [--write]`);
  process.exit(2);
}

const problems: string[] = [];
const specs = (await readRegistry(root)).map((p) => p.spec);
const risks = readAcceptedRisks(await readFile(join(root, RULESET), "utf8"));
for (const risk of risks) {
  if (!specs.includes(risk.spec))
    problems.push(`${RULESET}: "${risk.spec}" is not a spec of the registry (redocly.yaml)`);
}

// The "Known risks" section of every spec, rendered from the accepted findings.
for (const spec of specs) {
  const section = renderKnownRisks(
    risks.filter((r) => r.spec === spec),
    WIDTH,
  );
  if (!section) continue;
  const text = await readFile(join(root, spec), "utf8");
  const wanted = withKnownRisks(text, section, spec);
  if (wanted === text) continue;
  if (write) {
    await writeFile(join(root, spec), wanted);
    console.log(`security-lint: wrote the Known risks section of ${spec}`);
  } else {
    problems.push(
      `${spec}: info.description's Known risks section differs from ${RULESET} (run pnpm security --write)`,
    );
  }
}

// The same rules with no acceptance, to prove each acceptance still matches a finding.
const bare = join(root, ".artifacts", "owasp-unfiltered.spectral.yaml");
await mkdir(dirname(bare), { recursive: true });
await writeFile(bare, 'extends:\n  - "@stoplight/spectral-owasp-ruleset"\n');
const [remaining, all] = await Promise.all([spectral(join(root, RULESET), specs), spectral(bare, specs)]);

for (const finding of remaining) {
  problems.push(
    `${relative(root, finding.source)}:${finding.range.start.line + 1} ${finding.code} at #${pointerOf(finding.path)}: ${finding.message}`,
  );
}
for (const risk of risks) {
  for (const rule of risk.rules) {
    const matched = all.some(
      (f) => f.code === rule && relative(root, f.source) === risk.spec && pointerOf(f.path).startsWith(risk.pointer),
    );
    if (!matched) {
      problems.push(
        `${RULESET}: ${rule} is accepted for ${risk.spec}#${risk.pointer} but finds nothing there any more; remove it`,
      );
    }
  }
}

if (problems.length > 0) {
  console.error(`security-lint: ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
const accepted = all.length;
console.log(
  `security-lint: ${specs.length} specs, ${accepted} OWASP findings, all accepted in ${RULESET} (${risks.length} acceptances)`,
);
