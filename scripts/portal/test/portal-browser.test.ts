import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { deref, listOperations } from "@clientele/registry/spec-walk";
import { CHROMIUM_PATH, launchChromium } from "@clientele/testkit/chromium";
import { loadSpec } from "@clientele/testkit/spec";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PortalManifest } from "../src/render-index.js";
import { type StaticServer, serveDirectory } from "../src/static-server.js";
import { contrast, layoutProblems, svgLabels } from "../src/testing/layout.js";
import { sharedPortal } from "../src/testing/portal.js";

// The built portal in real headless Chromium, served from 127.0.0.1: every operation of every spec renders, with
// its code sample and its Inferred badge where the spec says so; nothing logs an error; nothing is requested from
// anywhere but 127.0.0.1; every index link resolves. Laid out for a reader at desktop (1280 px) and phone (390 px)
// widths: headings break between words, code is neither covered by its copy button nor cut off, diagrams are drawn
// at a size whose labels can be read, response samples show stated values rather than type placeholders, counts
// agree in number. Screenshots of every page at both widths land in .artifacts/docs-portal/.

const root = repoRoot;
const artifacts = join(root, ".artifacts", "docs-portal");
const CHROMIUM = CHROMIUM_PATH;
const INSTALL_HINT = "install it with `sudo apt-get install chromium` (Debian/Ubuntu) or point CHROMIUM_PATH at one";
const inCi = process.env.CI === "true";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && !inCi) {
  console.warn(`docs portal browser test skipped: no Chromium at ${CHROMIUM}; ${INSTALL_HINT}.`);
}

const providers = await readRegistry(root);

/** What each page showed, for the report artifact. */
const seen: Record<string, { bytes: number; operations: number; seen: number; requests: string[]; outside: string[] }> =
  {};

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The smallest label, in CSS pixels as drawn on the page, that a diagram may show. */
const MIN_LABEL_PX = 11;
/** WCAG AA for normal text. */
const MIN_CONTRAST = 4.5;

/**
 * The property names the spec gives a value for (`example`, `examples`) anywhere in the request and response
 * schemas of the operations under `tag`: a response sample of that resource must show those, not placeholders.
 */
function statedProperties(spec: any, tag: string): Set<string> {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (raw: unknown) => {
    const schema = raw && typeof raw === "object" ? deref<any>(spec, raw) : undefined;
    if (!schema || seen.has(schema)) return;
    seen.add(schema);
    for (const [name, property] of Object.entries<any>(schema.properties ?? {})) {
      const resolved = deref(spec, property);
      if (resolved.example !== undefined || resolved.examples?.length) names.add(name);
      visit(resolved);
    }
    for (const member of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) visit(member);
    visit(schema.items);
  };
  for (const { operation } of listOperations(spec)) {
    if ((operation.tags?.[0] ?? "") !== tag) continue;
    const media = [operation.requestBody, ...Object.values(operation.responses ?? {})]
      .filter(Boolean)
      .flatMap((r) => Object.values<any>(deref<any>(spec, r).content ?? {}));
    for (const m of media) visit(m.schema);
  }
  return names;
}

/** Loopback, or no network at all (inline data, blobs the page made itself). */
function isLocal(url: string): boolean {
  if (url.startsWith("data:") || url.startsWith("about:")) return true;
  const parsed = new URL(url.startsWith("blob:") ? url.slice("blob:".length) : url);
  return parsed.hostname === "127.0.0.1";
}

describe.skipIf(!hasChromium && !inCi)("docs portal in headless Chromium", () => {
  let manifest: PortalManifest;
  let portal: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM}: ${INSTALL_HINT}`);
    await mkdir(artifacts, { recursive: true });
    let dir: string;
    [{ dir, manifest }, browser] = await Promise.all([sharedPortal(), launchChromium(CHROMIUM)]);
    portal = await serveDirectory({ dir });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    if (Object.keys(seen).length > 0) {
      await writeFile(join(artifacts, "report.json"), `${JSON.stringify(seen, null, 2)}\n`);
    }
  });

  /** A page whose requests, console errors and uncaught exceptions are all recorded. */
  async function openPage(path: string) {
    const context: BrowserContext = await browser.newContext({ viewport: DESKTOP });
    const requests: string[] = [];
    const outside: string[] = [];
    const errors: string[] = [];
    // Recorded twice on purpose: the route also aborts anything non-local, so a failure never reaches the network.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    // Page and context events together also cover what the page's workers fetch.
    const record = (request: Request) => {
      requests.push(request.url());
      if (!isLocal(request.url()) && !outside.includes(request.url())) outside.push(request.url());
    };
    context.on("request", record);
    const page = await context.newPage();
    page.on("request", record);
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    const response = await page.goto(`${portal.url}/${path}`, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    return { context, page, requests, outside, errors };
  }

  const menuLabel = (page: Page, text: string) =>
    page.getByTestId("menu-item-label").filter({ has: page.locator(`[data-text=${JSON.stringify(text)}]`) });

  test("the layout checks catch what they look for", async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.setContent(`<main>
      <div style="width: 200px"><h1 style="font-size: 36px; overflow-wrap: anywhere">CycleSoftware API</h1></div>
      <div style="position: relative; width: 300px">
        <div style="position: absolute; top: 0; right: 0"><button data-testid="copy-button">Copy</button></div>
        <pre style="overflow: auto; margin: 0">import { createCubitClient } from "@clientele/cubit"; // a long line</pre>
      </div></main>`);
    const problems = await layoutProblems(page.locator("main"));
    expect(problems).toEqual([
      expect.stringMatching(/^heading "CycleSoftware API" breaks the word "CycleSoftware" over 2 lines$/),
      expect.stringMatching(/^code "import \{ createCubitClient.*" is cut off/),
      expect.stringMatching(/^the copy button covers "import/),
    ]);
    await page.close();
  });

  test("the index lists every provider, and every link on it resolves", async () => {
    const { context, page, outside, errors } = await openPage("index.html");
    await page.screenshot({ path: join(artifacts, "index-1280.png"), fullPage: true });
    expect(await layoutProblems(page.locator("body"))).toEqual([]);
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(artifacts, "index-390.png"), fullPage: true });
    expect(await layoutProblems(page.locator("body"))).toEqual([]);
    const text = (await page.locator("body").textContent()) ?? "";
    // Counts agree in number: "(1 operation)", never "(1 operations)".
    expect(text).not.toMatch(/\b1 (operations|inferred elements|mentions)\b/);
    for (const provider of manifest.providers) {
      const n = provider.operations.length;
      expect(text).toContain(`${provider.title} (${n} operation${n === 1 ? "" : "s"})`);
    }
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    for (const provider of manifest.providers) {
      expect(hrefs).toEqual(expect.arrayContaining([provider.page, provider.specYaml, provider.specJson]));
      expect(text).toContain(provider.packageName);
      for (const origin of provider.origin) {
        // Every vendor document has a section of its own, which the provider's entry links to.
        expect(text).toContain(origin);
        expect(hrefs).toContain(`#seed-${origin.replace(/\.txt$/, "")}`);
      }
      for (const op of provider.operations) expect(text).toContain(op.id);
    }
    const unresolved = [];
    for (const href of new Set(hrefs)) {
      const url = new URL(href, page.url());
      if (url.hash && url.pathname === new URL(page.url()).pathname) {
        if ((await page.locator(`[id=${JSON.stringify(url.hash.slice(1))}]`).count()) !== 1) unresolved.push(href);
        continue;
      }
      if (!isLocal(url.href)) {
        unresolved.push(`${href} (not served from 127.0.0.1)`);
        continue;
      }
      const status = (await context.request.get(url.href)).status();
      if (status !== 200) unresolved.push(`${href} (${status})`);
    }
    expect(unresolved).toEqual([]);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test.each(providers.map((p) => [p.id]))(
    "%s: every operation renders with its sample, offline and without errors",
    async (id) => {
      const entry = manifest.providers.find((p) => p.id === id);
      if (!entry) throw new Error(`the portal has no page for ${id}`);
      const spec = loadSpec(id);
      const operations = listOperations(spec).map(({ path, method, operation }) => ({
        id: operation.operationId as string,
        method: method.toUpperCase(),
        path,
        summary: (operation.summary ?? operation.operationId) as string,
        tag: (operation.tags?.[0] ?? "") as string,
        inferred: operation["x-inferred"] === true || spec.paths[path]?.["x-inferred"] === true,
      }));
      const { context, page, requests, outside, errors } = await openPage(entry.page);
      await page.getByTestId("menu-item-label").first().waitFor();
      await page.screenshot({ path: join(artifacts, `${id}-1280.png`), fullPage: true });
      await expect.poll(() => layoutProblems(page.locator("main")), { timeout: 10_000 }).toEqual([]);

      for (const file of entry.diagrams) {
        const diagram = page.locator(`main img[src=${JSON.stringify(file)}]`);
        await diagram.scrollIntoViewIfNeeded();
        await expect.poll(() => diagram.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
        // Labels as drawn on the page: their size in the SVG times the scale the page draws it at.
        // Never cut off: wholly inside its box, or the box scrolls it sideways.
        const cut = await diagram.evaluate((img: HTMLImageElement) => {
          const box = img.parentElement?.parentElement;
          if (!box || box.scrollWidth <= box.clientWidth) return false;
          return !["auto", "scroll"].includes(getComputedStyle(box).overflowX);
        });
        expect(cut, `${file}: cut off by its column`).toBe(false);
        const scale = await diagram.evaluate(
          (img: HTMLImageElement) => img.getBoundingClientRect().width / img.naturalWidth,
        );
        const svgPage = await context.newPage();
        const labels = await svgLabels(svgPage, `${portal.url}/${file}`);
        await svgPage.close();
        expect(labels.length, `${file}: labels`).toBeGreaterThan(0);
        const small = labels
          .filter((l) => l.size * scale < MIN_LABEL_PX - 0.1)
          .map((l) => `${l.text}: ${(l.size * scale).toFixed(1)} px`);
        const faint = labels
          .filter((l) => contrast(l.fill, "rgb(255, 255, 255)") < MIN_CONTRAST)
          .map((l) => `${l.text}: ${l.fill}`);
        expect(small, `${file}: labels smaller than ${MIN_LABEL_PX} px on the page`).toEqual([]);
        expect(faint, `${file}: labels below ${MIN_CONTRAST}:1 contrast`).toEqual([]);
      }

      const rendered: string[] = [];
      let marks = 0;
      for (const tag of [...new Set(operations.map((op) => op.tag))]) {
        await menuLabel(page, tag).click();
        const stated = statedProperties(spec, tag);
        for (const op of operations.filter((o) => o.tag === tag)) {
          const label = menuLabel(page, op.summary);
          await label.click();
          const escaped = op.summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          const heading = page.locator("main h2").filter({ hasText: new RegExp(`^${escaped}(Inferred)?$`) });
          await heading.waitFor({ state: "visible" });
          // The operation's own panel: its path, and the TypeScript sample calling the client method.
          // biome-ignore lint/performance/useDomNodeTextContent: only rendered, visible text proves the page shows it
          const main = await page.locator("main").innerText();
          expect(main, `${op.id}: path`).toContain(op.path);
          expect(main, `${op.id}: code sample`).toContain(`.${op.id}(`);
          expect(await label.textContent(), `${op.id}: Inferred badge`).toMatch(
            op.inferred ? /Inferred/ : /^(?!.*Inferred)/s,
          );
          const panel = page.locator(`main [id$=${JSON.stringify(`/${op.id.toLowerCase()}`)}]`).first();
          await expect.poll(() => layoutProblems(panel), { timeout: 10_000 }).toEqual([]);
          // A response sample shows the values the spec states for this resource, never Redoc's type placeholders.
          const samples = await panel.locator('[data-component-name="JsonViewer/JsonViewer"] pre').allInnerTexts();
          const placeholders = samples
            .flatMap((text) => [...text.matchAll(/"([^"]+)": "string"/g)].map((m) => m[1] ?? ""))
            .filter((name) => stated.has(name));
          expect(placeholders, `${op.id}: "string" placeholders where the spec states a value`).toEqual([]);
          rendered.push(op.id);
          marks = Math.max(marks, await page.locator("mark[data-x-inferred]").count());
        }
      }
      // The description badges of x-inferred elements (tags, parameters, responses, schemas) show too.
      if (entry.inferred > 0) expect(marks).toBeGreaterThan(0);

      // Every mention of a vendor document links to its section on the index, which exists there.
      const index = await (await context.request.get(`${portal.url}/index.html`)).text();
      const seedLinks = await page
        .locator('main a[href^="index.html#"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      for (const origin of entry.origin) expect(seedLinks).toContain(`index.html#seed-${origin.replace(/\.txt$/, "")}`);
      const dangling = [...new Set(seedLinks)].filter((href) => !index.includes(`id="${href.split("#")[1]}"`));
      expect(dangling).toEqual([]);

      // The same page on a phone.
      await page.setViewportSize(PHONE);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(artifacts, `${id}-390.png`) });
      await expect.poll(() => layoutProblems(page.locator("main")), { timeout: 10_000 }).toEqual([]);

      seen[id] = {
        bytes: entry.pageBytes,
        operations: operations.length,
        seen: rendered.length,
        requests: [...new Set(requests)],
        outside,
      };
      expect(rendered.sort()).toEqual(operations.map((op) => op.id).sort());
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    90_000,
  );
});
