import { parseTwinArgs, USAGE, UsageError } from "./cli-args.js";
import { describeCredentials } from "./credentials.js";
import { startTwin } from "./index.js";

/**
 * Starts the twin the arguments ask for and prints how to reach it; stops it on SIGINT/SIGTERM. Any failure
 * (a bad argument, a port in use, a seed the twin refuses) prints `<command>: <why>` and exits non-zero.
 * `command` is the name to print: `clientele-twin`, or `pnpm twin` in the repository.
 */
export function runTwinCli(argv: string[], command: string): void {
  const usage = USAGE.replace("clientele-twin", command);
  start(argv).then(
    () => {},
    (error: unknown) => {
      console.error(`${command}: ${error instanceof Error ? error.message : error}`);
      if (error instanceof UsageError) console.error(`(${command} --help lists the options)`);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );

  async function start(args: string[]): Promise<void> {
    const parsed = await parseTwinArgs(args);
    if (parsed.help) {
      console.log(usage);
      return;
    }
    const { provider, start: options } = parsed;
    const twin = await startTwin(provider, options);
    // Handlers before the URL is printed: whoever reads the URL may signal at once, and must reach a clean stop.
    const stop = () => twin.stop().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    console.log(`${provider} twin (stateful) listening at ${twin.url}`);
    console.log(`credentials: ${describeCredentials(provider, { ...options.options })}`);
    const state = options.seed === true ? "the vendor document's examples (--empty for none)" : "";
    console.log(`state: ${options.seed === undefined ? "empty" : state || "seeded from --seed"}`);
    console.log("Ctrl-C stops it.");
  }
}
