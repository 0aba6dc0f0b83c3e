import { factoryOptions } from "@clientele/codegen/sample-call";

/**
 * The options a generated `samples.ts` passes to the factory: what the docs show a user writing, so a test
 * constructs the client the same way. A `<placeholder>` is a value the spec could not give, a credential: it is
 * filled as `secret-<name>-4711` and listed in `secrets`.
 */
export function sampleOptions(
  samples: string,
  factory: string,
): { options: Record<string, unknown>; secrets: string[] } {
  const secrets: string[] = [];
  const entries = Object.entries(factoryOptions(samples, factory)).map(([name, value]) => {
    if (typeof value !== "string" || !/^<\w+>$/.test(value)) return [name, value];
    secrets.push(`secret-${name}-4711`);
    return [name, secrets.at(-1)];
  });
  return { options: Object.fromEntries(entries), secrets };
}
