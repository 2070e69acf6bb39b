// Builds lib/ from src/ with esbuild: the CLI and the converter worker as two entries, shared
// code split into chunks. Loading one bundled file instead of ~200 ES modules saves ~70 ms at
// every start, which `nch-report validate` pays each time. Type checking is `npm run typecheck`.
// Heavy or native packages stay external and are loaded only by the commands that need them.
import { rmSync } from "node:fs";
import { build } from "esbuild";

const external = [
  "pandoc-wasm",
  "@myriaddreamin/typst-ts-node-compiler",
  "@resvg/resvg-js",
  "vega",
  "vega-lite",
  "cspell-lib",
  "@cspell/dict-sv",
];

// Handlebars' compiler (the package's main entry) stays external: only a template that is not
// in the cache needs it. Its runtime, which every build renders with, is bundled: loaded as
// ~10 CommonJS files it costs ~20 ms, bundled ~3 ms.
const handlebarsCompilerExternal = {
  name: "handlebars-compiler-external",
  setup(build) {
    build.onResolve({ filter: /^handlebars$/ }, () => ({ path: "handlebars", external: true }));
  },
};

rmSync(new URL("../lib", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { main: "src/cli/main.ts", "converter-worker": "src/output/converter-worker.ts" },
  outdir: "lib",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external,
  plugins: [handlebarsCompilerExternal],
  // All in one folder, so the worker beside the chunks is found by "./converter-worker.js".
  chunkNames: "[name]-[hash]",
  // Less to read and parse at every start (~25 ms of an md build); names are kept, and with
  // --verbose bin/nch-report.js turns on source maps, so stack traces point into src/.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: "linked",
  sourcesContent: false,
  // Bundled CommonJS dependencies may call require() for Node's own modules.
  banner: {
    js: 'import { createRequire as __nchRequire } from "node:module"; const require = __nchRequire(import.meta.url);',
  },
  logLevel: "warning",
});
