#!/usr/bin/env node
// The `clientele-twin` command: one twin on 127.0.0.1 until Ctrl-C. A bad argument exits 2 naming the option.
import { runTwinCli } from "./run-cli.js";

runTwinCli(process.argv.slice(2), "clientele-twin");
