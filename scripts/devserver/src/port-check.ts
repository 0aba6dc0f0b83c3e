// Port planning for `pnpm start`: the fixed ports must fit and be free before anything starts, so a clash is reported
// with the option that moves it instead of as a child that died.
import { createServer } from "node:net";

/**
 * One port per provider from `base` (see ports.ts), or all 0 (any free port) when `base` is 0.
 * @param option the option that sets `base`, for the error
 */
export function consecutivePorts(
  base: number,
  count: number,
  at: (index: number, base: number) => number,
  option: string,
): number[] {
  if (base !== 0 && base + count - 1 > 65535) {
    throw new Error(`${option} ${base} leaves no room for ${count} consecutive ports`);
  }
  return Array.from({ length: count }, (_, index) => (base === 0 ? 0 : at(index, base)));
}

/**
 * Fails early, naming the option that moves it, when a fixed port is taken (an earlier `pnpm start`, `pnpm mock`).
 * @param port 0 for any free port
 */
export async function ensureFree(port: number, what: string, option: string): Promise<void> {
  if (port === 0) return;
  const free = await new Promise<boolean>((done) => {
    const probe = createServer();
    probe.once("error", () => done(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => done(true)));
  });
  if (!free) throw new Error(`port ${port} for ${what} is in use on 127.0.0.1: stop what uses it or pass ${option}`);
}
