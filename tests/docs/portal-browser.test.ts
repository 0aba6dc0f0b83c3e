import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CHROMIUM_PATH, launchChromium } from "../../scripts/lib/chromium.mjs";
import { readRegistry } from "../../scripts/lib/registry.mjs";
import type { PortalManifest } from "../../scripts/lib/render-index.mjs";
import { listOperations } from "../../scripts/lib/spec-walk.mjs";
import { type StaticServer, serveDirectory } from "../../scripts/lib/static-server.mjs";
import { sharedPortal } from "../support/portal.js";
import { loadSpec } from "../support/spec.js";

// The built portal in real headless Chromium, served from 127.0.0.1: every operation of every spec renders, with
// its code sample and its Inferred badge where the spec says so; nothing logs an error; nothing is requested from
// anywhere but 127.0.0.1; every index link resolves. Screenshots land in .artifacts/docs-portal/.

const root = join(import.meta.dirname, "..", "..");
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
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
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

  test("the index lists every provider, and every link on it resolves", async () => {
    const { context, page, outside, errors } = await openPage("index.html");
    await page.screenshot({ path: join(artifacts, "index.png"), fullPage: true });
    const text = (await page.locator("body").textContent()) ?? "";
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    for (const provider of manifest.providers) {
      expect(hrefs).toEqual(expect.arrayContaining([provider.page, provider.specYaml, provider.specJson]));
      expect(text).toContain(provider.packageName);
      for (const origin of provider.origin) expect(text).toContain(origin);
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
      await page.screenshot({ path: join(artifacts, `${id}.png`), fullPage: true });

      for (const file of entry.diagrams) {
        const diagram = page.locator(`main img[src=${JSON.stringify(file)}]`);
        await diagram.scrollIntoViewIfNeeded();
        await expect.poll(() => diagram.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      }

      const rendered: string[] = [];
      let marks = 0;
      for (const tag of [...new Set(operations.map((op) => op.tag))]) {
        await menuLabel(page, tag).click();
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
          rendered.push(op.id);
          marks = Math.max(marks, await page.locator("mark[data-x-inferred]").count());
        }
      }
      // The description badges of x-inferred elements (tags, parameters, responses, schemas) show too.
      if (entry.inferred > 0) expect(marks).toBeGreaterThan(0);

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
