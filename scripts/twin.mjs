#!/usr/bin/env node
// @ts-check
// `pnpm twin <provider> [options]`: the published `clientele-twin` command, run from the repository's sources.
import { runTwinCli } from "../twins/src/run-cli.js";

runTwinCli(process.argv.slice(2), "pnpm twin");
