import { START_CAP_MS } from "@clientele/devserver/child";
import { beforeAll, inject } from "vitest";
import { READY_PATH } from "./mock-front.js";

// Setup file of the "mocks" project (vitest.config.ts): before a file's tests, every Prism mock is up. The wait is
// Prism's own start-up (capped in startPrism, whose message says what it waited for), not a test's timeout.
beforeAll(async () => {
  await Promise.all(
    Object.values(inject("mockUrls")).map(async (url) => {
      const response = await fetch(`${url}${READY_PATH}`);
      if (response.status !== 204) throw new Error(await response.text());
    }),
  );
}, START_CAP_MS + 10_000);
