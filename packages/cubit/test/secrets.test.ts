import { inspect } from "node:util";
import { BadRequestError, type LogEvent } from "@clientele/core";
import { expect, test } from "vitest";
import { createCubitClient } from "../src/index.js";

const API_KEY = "cubit-key-5f2e9a71";
const SSN = "01017012345";

// What only the generated factory decides: that the api-key is a secret and that the spec's x-sensitive field
// (SocialSecurityNumber) is masked. A server echoing the whole request in its 400 puts neither into the error or a log.
test("an echoed api-key and SocialSecurityNumber reach neither the error nor the log", async () => {
  const events: LogEvent[] = [];
  const cubit = createCubitClient({
    apiKey: API_KEY,
    environment: "test",
    logger: (event) => events.push(event),
    fetch: async (_url, init) => new Response(`${JSON.stringify(init?.headers)} ${init?.body}`, { status: 400 }),
  });
  const error = await cubit
    .upsertCustomer({ Number: "1234567", FirstName: "Ola", SocialSecurityNumber: SSN })
    .catch((rejected: unknown) => rejected);
  expect(error).toBeInstanceOf(BadRequestError);
  const shown = [inspect(error, { depth: null }), JSON.stringify(error), JSON.stringify(events)].join("\n");
  expect(shown).toContain("[redacted]");
  expect(shown).not.toContain(API_KEY);
  expect(shown).not.toContain(SSN);
});
