import { createServer } from "node:net";
import { describe, expect, test } from "vitest";
import { consecutivePorts, ensureFree } from "../src/port-check.js";
import { mockPort, twinPort } from "../src/ports.js";

// The port plan of `pnpm start`: one port per provider in registry order from a base, checked before anything starts.

describe("consecutivePorts", () => {
  test.each([
    ["the mocks from the default base", { base: 4010, count: 4, at: mockPort }, [4010, 4011, 4012, 4013]],
    ["the twins from another base", { base: 5020, count: 2, at: twinPort }, [5020, 5021]],
    ["any free port for each", { base: 0, count: 3, at: mockPort }, [0, 0, 0]],
    ["up to the last port there is", { base: 65534, count: 2, at: mockPort }, [65534, 65535]],
  ])("%s", (_, { base, count, at }, want) => {
    expect(consecutivePorts(base, count, at, "--mock-port")).toEqual(want);
  });

  test("refuses a base that leaves no room, naming the option", () => {
    expect(() => consecutivePorts(65534, 4, mockPort, "--twin-port")).toThrow(
      "--twin-port 65534 leaves no room for 4 consecutive ports",
    );
  });
});

describe("ensureFree", () => {
  test("fails on a taken port, naming what wanted it and the option that moves it", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as { port: number };
    try {
      await expect(ensureFree(port, "the first mock", "--mock-port")).rejects.toThrow(
        `port ${port} for the first mock is in use on 127.0.0.1: stop what uses it or pass --mock-port`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
    // Released: the same port is free again, and the probe leaves it free.
    await expect(ensureFree(port, "the first mock", "--mock-port")).resolves.toBeUndefined();
    await expect(ensureFree(port, "the first mock", "--mock-port")).resolves.toBeUndefined();
  });

  test("port 0 (any free port) needs no check", async () => {
    await expect(ensureFree(0, "the docs portal", "--port")).resolves.toBeUndefined();
  });
});
