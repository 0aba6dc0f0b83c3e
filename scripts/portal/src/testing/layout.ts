import type { Locator, Page } from "playwright-core";

/**
 * What a reader would see go wrong in the rendered layout under `scope`, measured from element geometry in the
 * browser: a heading word split over two lines or a heading wider than its box, a code block whose copy button
 * sits on its text, a code block whose lines run past its edge. Hidden elements are skipped.
 */
export function layoutProblems(scope: Locator): Promise<string[]> {
  return scope.evaluate((root: Element) => {
    const problems: string[] = [];
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };
    const textNodes = (el: Element) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      return nodes;
    };
    const range = document.createRange();
    for (const heading of root.querySelectorAll("h1, h2, h3")) {
      if (!shown(heading)) continue;
      const title = heading.textContent?.trim() ?? "";
      if (heading.scrollWidth > heading.clientWidth + 1) problems.push(`heading "${title}" is wider than its box`);
      for (const node of textNodes(heading)) {
        for (const word of node.data.matchAll(/\S+/g)) {
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) problems.push(`heading "${title}" breaks the word "${word[0]}" over ${lines.size} lines`);
        }
      }
    }
    for (const pre of root.querySelectorAll("pre")) {
      if (!shown(pre)) continue;
      const first = pre.textContent?.trim().split("\n")[0]?.slice(0, 40);
      if (pre.scrollWidth > pre.clientWidth + 1) {
        problems.push(`code "${first}" is cut off (${pre.scrollWidth} px of text in ${pre.clientWidth} px)`);
      }
      const button = pre.parentElement?.querySelector('[data-testid="copy-button"]');
      if (!button || !shown(button)) continue;
      const b = button.getBoundingClientRect();
      for (const node of textNodes(pre)) {
        if (!node.data.trim()) continue;
        range.selectNodeContents(node);
        const covered = [...range.getClientRects()].some(
          (r) => r.width > 0 && r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top,
        );
        if (covered) problems.push(`the copy button covers "${node.data.trim().slice(0, 30)}" in code "${first}"`);
      }
    }
    return problems;
  });
}

/** WCAG contrast ratio of two sRGB colours given as CSS `rgb(…)` or `color(srgb …)` strings. */
export function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const numbers = (css.match(/[\d.]+/g) ?? []).map(Number).slice(0, 3);
    const unit = css.startsWith("color(") ? numbers : numbers.map((n) => n / 255);
    const [r = 0, g = 0, bl = 0] = unit.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Every `<text>` of an SVG file, as the browser renders it on its own: content, font size (px), fill colour. */
export async function svgLabels(page: Page, url: string) {
  await page.goto(url);
  return page.locator("text").evaluateAll((texts) =>
    texts.map((t) => {
      const style = getComputedStyle(t);
      return { text: t.textContent ?? "", size: Number.parseFloat(style.fontSize), fill: style.fill };
    }),
  );
}
