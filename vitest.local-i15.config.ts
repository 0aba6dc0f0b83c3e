import { defineConfig } from "vitest/config";
export default defineConfig({ test: { include: ["tests/validation/**/*.test.ts", "tests/drift/**/*.test.ts", "packages/core/test/validation/**/*.test.ts", "examples/*/test/**/*.test.ts"], testTimeout: 60_000 } });
