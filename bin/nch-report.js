#!/usr/bin/env node
// The bundle (lib/) is minified; with --verbose, stack traces point into src/ through its source maps.
if (process.argv.includes("--verbose")) process.setSourceMapsEnabled(true);
const { main } = await import("../lib/main.js");

const code = await main(process.argv);
// Once the command is done, exit rather than let Node free the whole heap page by page, which
// costs ~15 ms after a build; but only after stdout and stderr have taken all that was written
// (on Windows a pipe is written asynchronously).
const flushed = (stream) =>
  new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) resolve();
    else stream.write("", () => resolve());
  });
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
