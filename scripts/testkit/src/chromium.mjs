// @ts-check
// Headless Chromium as every browser test here drives it: the machine's own build (never a downloaded one), with
// nothing in the background that would reach the network.
import { chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** @param {string} [executablePath] */
export function launchChromium(executablePath = CHROMIUM_PATH) {
  return chromium.launch({ executablePath, args: ARGS });
}
