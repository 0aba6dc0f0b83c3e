import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/test/**/*.test.ts",
      "tests/**/*.test.ts",
      "twins/test/**/*.test.ts",
      "examples/*/test/**/*.test.ts",
    ],
    globalSetup: ["tests/support/global-setup.ts"],
    // Mocks run on loopback; a slow machine can take a while to answer the first request.
    testTimeout: 20_000,
  },
});
