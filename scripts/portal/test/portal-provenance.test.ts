import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "@clientele/registry/root";
import { CHROMIUM_PATH, launchChromium } from "@clientele/testkit/chromium";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildPortal } from "../src/build-portal.js";
import { SOURCE_NOTES } from "../src/mark-inferred.js";
import { type StaticServer, serveDirectory } from "../src/static-server.js";

// The portal renders an element's `x-provenance` as a collapsed "Source notes" block beside its Inferred badge,
// with the vendor documents it names linked to their section on the index; an inferred element without notes keeps
// its badge alone. Built from a fixture spec (scripts/portal/test/fixtures/portal/notes.yaml), so it holds whatever the real
// specs say today.

const fixture = join(import.meta.dirname, "fixtures", "portal", "notes.yaml");
const artifacts = join(repoRoot, ".artifacts", "docs-portal");
const SEED = "900_0123456789abcdef.txt";
const hasChromium = existsSync(CHROMIUM_PATH);

/** A repository root holding only what a portal build reads: the registry, one spec, its package and samples. */
async function fixtureRoot(root: string) {
  const generated = join(root, "packages", "notes", "src", "generated");
  await mkdir(join(root, "specs"), { recursive: true });
  await mkdir(generated, { recursive: true });
  await copyFile(fixture, join(root, "specs", "notes.yaml"));
  await writeFile(join(root, "redocly.yaml"), "apis:\n  notes@v1:\n    root: specs/notes.yaml\n");
  await writeFile(join(root, "packages", "notes", "package.json"), '{ "name": "@fixture/notes" }\n');
  const sample = (id: string) => `// sample: ${id}\nasync function ${id}Sample() {\n  await notes.${id}();\n}\n`;
  await writeFile(
    join(generated, "samples.ts"),
    `import { notes } from "@fixture/notes";\n\n${sample("getThing")}\n${sample("listThings")}`,
  );
}

describe.skipIf(!hasChromium && process.env.CI !== "true")("source notes in the docs portal", () => {
  let work: string;
  let portal: StaticServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "clientele-notes-portal-"));
    await fixtureRoot(join(work, "root"));
    const [, launched] = await Promise.all([
      buildPortal({ root: join(work, "root"), out: join(work, "site") }),
      launchChromium(CHROMIUM_PATH),
    ]);
    browser = launched;
    portal = await serveDirectory({ dir: join(work, "site") });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${portal.url}/notes.html`);
    await page.getByTestId("menu-item-label").first().waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function operationPanel(summary: string, id: string) {
    await page.getByTestId("menu-item-label").filter({ hasText: summary }).first().click();
    const panel = page.locator(`main [id$=${JSON.stringify(`/${id.toLowerCase()}`)}]`).first();
    await panel.locator("h2").first().waitFor({ state: "visible" });
    return panel;
  }

  test("an inferred operation with x-provenance shows its badge and a collapsed Source notes block", async () => {
    await page.getByTestId("menu-item-label").filter({ hasText: "Things" }).first().click();
    const panel = await operationPanel("Retrieve a thing", "getThing");
    await expect.poll(() => panel.locator("mark[data-x-inferred]").count()).toBeGreaterThan(0);
    const notes = panel.locator("details[data-x-provenance]");
    expect(await notes.count()).toBe(1);
    expect(await notes.locator("summary").textContent()).toBe(SOURCE_NOTES);
    expect(await notes.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    // The description says what the operation does; the notes hold where that comes from.
    // biome-ignore lint/performance/useDomNodeTextContent: only rendered, visible text proves the page shows it
    expect(await panel.innerText()).toContain("Retrieves the thing with this id.");
    await notes.locator("summary").click();
    await expect.poll(() => notes.locator("p").first().isVisible()).toBe(true);
    // biome-ignore lint/performance/useDomNodeTextContent: only rendered, visible text proves the page shows it
    expect(await notes.innerText()).toContain("shows the URL");
    const link = notes.locator(`a[href="index.html#seed-${SEED.replace(/\.txt$/, "")}"]`);
    expect(await link.textContent()).toBe(SEED);
    await mkdir(artifacts, { recursive: true });
    await panel.screenshot({ path: join(artifacts, "source-notes.png") });
  });

  test("an inferred operation without x-provenance keeps its badge and has no notes block", async () => {
    const panel = await operationPanel("List things", "listThings");
    await expect.poll(() => panel.locator("mark[data-x-inferred]").count()).toBeGreaterThan(0);
    expect(await panel.locator("details[data-x-provenance]").count()).toBe(0);
  });

  test("the document a note names has a section on the index, saying what it covers", async () => {
    const index = await browser.newPage();
    await index.goto(`${portal.url}/index.html#seed-${SEED.replace(/\.txt$/, "")}`);
    const section = index.locator(`[id="seed-${SEED.replace(/\.txt$/, "")}"]`);
    expect(await section.count()).toBe(1);
    // biome-ignore lint/performance/useDomNodeTextContent: only rendered, visible text proves the page shows it
    const text = await section.innerText();
    expect(text).toContain(SEED);
    expect(text).toContain("A made-up vendor document for this fixture.");
    expect(text).toContain("getThing");
    await index.close();
  });
});
