import { describe, expect, test } from "vitest";
import { contrast } from "../src/testing/layout.js";

describe("contrast", () => {
  test.each([
    ["black on white", "rgb(0, 0, 0)", "rgb(255, 255, 255)", 21],
    ["the diagram's labels (zinc-600) on white", "rgb(82, 82, 91)", "rgb(255, 255, 255)", 7.7],
    ["the library's default labels (40% of zinc-800 on white)", "color(srgb 0.6 0.6 0.62)", "rgb(255, 255, 255)", 2.8],
    ["white on white", "rgb(255, 255, 255)", "rgb(255, 255, 255)", 1],
  ])("%s", (_, a, b, want) => {
    expect(contrast(a, b)).toBeCloseTo(want, 0);
  });
});
