import { inspect } from "node:util";
import { type LogEvent, UnauthorizedError } from "@clientele/core";
import { expect, test } from "vitest";
import { createCycleSoftwareClient } from "../src/index.js";

const username = "cycle-user-7d";
const password = "cycle-pass-2e9f";

// What only the generated factory decides: the Basic credential, and the user name and password inside it, are
// secrets. A 401 that quotes any of them shows each masked.
test("a 401 quoting the Basic credential, the pair it encodes and the password shows none of them", async () => {
  const events: LogEvent[] = [];
  const cycle = createCycleSoftwareClient({
    username,
    password,
    maxRetries: 0,
    logger: (event) => events.push(event),
    fetch: async (_url, init) => {
      const authorization = (init?.headers as Record<string, string> | undefined)?.authorization;
      return Response.json(
        { error: `refused ${authorization} (${username}:${password}) ${password}` },
        { status: 401 },
      );
    },
  });
  const error = await cycle.getCustomer(1006).catch((rejected: unknown) => rejected);
  expect(error).toBeInstanceOf(UnauthorizedError);
  const shown = `${inspect(error, { depth: null })} ${JSON.stringify(error)} ${JSON.stringify(events)}`;
  expect(shown).toContain("[redacted]");
  for (const secret of [password, `${username}:${password}`, btoa(`${username}:${password}`)]) {
    expect(shown).not.toContain(secret);
  }
});
