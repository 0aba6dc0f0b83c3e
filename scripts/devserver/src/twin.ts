#!/usr/bin/env node
// `pnpm twin <provider> [options]`: the published `clientele-twin` command, run from the workspace's twins package
// under the name this repository calls it by. The package exports no CLI module (users run its bin), so it is found
// beside the package's manifest.
const manifest = import.meta.resolve("@clientele/twins/package.json");
const { runTwinCli }: { runTwinCli: (argv: string[], command: string) => void } = await import(
  new URL("src/run-cli.js", manifest).href
);

runTwinCli(process.argv.slice(2), "pnpm twin");
