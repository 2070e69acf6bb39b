#!/usr/bin/env node
// The bundle (lib/) is minified; with --verbose, stack traces point into src/ through its source maps.
if (process.argv.includes("--verbose")) process.setSourceMapsEnabled(true);
// A reader that has gone (`nch-report validate 2025 | head -1`): what is left to print is dropped,
// and the command finishes as it would (a build still writes its whole output folder).
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
  });
const { main } = await import("../lib/main.js");

const code = await main(process.argv);
// Once the command is done, exit rather than let Node free the whole heap page by page, which
// costs ~15 ms after a build; but only after stdout and stderr have passed on all that was written
// (on Windows a pipe is written asynchronously; elsewhere nothing is left waiting). The write's
// callback comes on an error too (a reader that has gone: the handler above keeps it quiet).
const flushed = (stream) =>
  new Promise((resolve) => {
    if (stream.destroyed || stream.writableLength === 0) resolve();
    else stream.write("", () => resolve());
  });
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
