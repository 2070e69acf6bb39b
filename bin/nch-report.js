#!/usr/bin/env node
// The bundle (lib/) is minified; with --verbose, stack traces point into src/ through its source maps.
if (process.argv.includes("--verbose")) process.setSourceMapsEnabled(true);
const { main } = await import("../lib/main.js");

process.exitCode = await main(process.argv);
