import { inspect } from "node:util";
import { ConflictError, type LogEvent } from "@clientele/core";
import { expect, test } from "vitest";
import { createOnlinewerkroosterClient } from "../src/index.js";

const keys = { apiKey: "owr-api-key-8c1d", customerKey: "owr-customer-key-3b7e" };

// What only the generated factory decides: both of Onlinewerkrooster's headers (apikey, CustomerKey) are credentials.
test.each(["apikey", "customerkey"])(
  "a 409 quoting the %s header shows it masked in the error and the log",
  async (echoed) => {
    const events: LogEvent[] = [];
    const owr = createOnlinewerkroosterClient({
      ...keys,
      environment: "dev",
      logger: (event) => events.push(event),
      fetch: async (_url, init) => {
        const sent = (init?.headers as Record<string, string> | undefined)?.[echoed];
        return new Response(`Error code. ${echoed}=${sent}`, { status: 409 });
      },
    });
    const error = await owr
      .createCustomer({
        extCustomerId: 1,
        extCustomerNumber: "1",
        enterpriseNumber: "BE0123456789",
        name: "A",
        address: { city: "Lommel" },
      })
      .catch((rejected: unknown) => rejected);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain(`${echoed}=[redacted]`);
    const logged = inspect(events, { depth: null });
    for (const secret of Object.values(keys)) expect(`${JSON.stringify(error)} ${logged}`).not.toContain(secret);
  },
);
