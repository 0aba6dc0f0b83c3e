import { defineConfig } from "vitest/config";
export default defineConfig({ test: { include: ["packages/*/test/**/*.test.ts", "tests/**/*.test.ts"], globalSetup: ["/tmp/i15/setup.ts"], testTimeout: 60_000 } });
