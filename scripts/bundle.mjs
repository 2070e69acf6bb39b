// Builds lib/ from src/ with rolldown: the CLI and the converter worker as two entries. Loading a
// few bundled files instead of ~200 ES modules saves ~70 ms at every start, which `nch-report
// validate` pays each time; and each further ES module costs ~0.5 ms to load, so the code every
// warm `validate` and `build` runs sits in two chunks (see `STARTUP` below) rather than in the
// ~50 small chunks that splitting at every dynamic import gives. Type checking is `npm run typecheck`.
// Heavy or native packages stay external and are loaded only by the commands that need them.
import { rmSync } from "node:fs";
import path from "node:path";
import { build } from "rolldown";

const external = new Set([
  "pandoc-wasm",
  "@myriaddreamin/typst-ts-node-compiler",
  "@resvg/resvg-js",
  "vega",
  "vega-lite",
  "cspell-lib",
  "@cspell/dict-sv",
  // Handlebars' compiler (the package's main entry) stays external: only a template that is not
  // in the cache needs it. Its runtime, which every build renders with, is bundled: loaded as
  // ~10 CommonJS files it costs ~20 ms, bundled ~3 ms.
  "handlebars",
]);

/**
 * The chunks every start loads, each named by the modules whose static imports it holds:
 * "validate" what `validate` runs (and every build runs first), "build" what a warm Markdown or
 * HTML build adds. What sits behind any other dynamic import (the YAML parser and schemas, the
 * spelling check, the template compiler, DOCX and PDF, the other commands) stays in chunks of its
 * own, loaded only when needed: test/lazy-loading.test.ts holds the commands to that.
 */
const STARTUP = {
  validate: ["src/cli/main.ts", "src/cli/validate.ts", "src/diagnostics/reporters/index.ts"],
  build: [
    "src/cli/build-start.ts",
    "src/cli/build.ts",
    "src/output/charts/index.ts",
    "src/output/html/site.ts",
    "src/output/html/convert.ts",
  ],
};

/**
 * What the converter workers run. The modules they share with STARTUP go in a chunk of their
 * own ("shared"), so a worker loads that (~170 KB) and its converter, not the whole CLI's
 * startup chunks (~430 KB), in each of a build's three workers.
 */
const WORKER = ["src/output/converter-worker.ts", "src/output/pdf.ts", "src/output/docx.ts"];

const root = path.resolve(import.meta.dirname, "..");
const relative = (id) => path.relative(root, id).split(path.sep).join("/");

/** Per module id, the startup chunk it goes in: "shared", or the first name of STARTUP reaching it. */
function startupChunks() {
  const members = new Map();
  return {
    members,
    plugin: {
      name: "startup-chunks",
      buildEnd() {
        /** The modules `roots` reach by static imports. */
        const reach = (roots) => {
          const found = new Set();
          const todo = roots.map((r) => path.join(root, r));
          while (todo.length > 0) {
            const id = todo.pop();
            if (found.has(id)) continue;
            const info = this.getModuleInfo(id);
            if (!info) throw new Error(`bundle: ${relative(id)} is not in the bundle`);
            found.add(id);
            todo.push(...info.importedIds.filter((i) => !info.dynamicallyImportedIds.includes(i)));
          }
          return found;
        };
        const worker = reach(WORKER);
        for (const [name, roots] of Object.entries(STARTUP))
          for (const id of reach(roots))
            if (!members.has(id)) members.set(id, worker.has(id) ? "shared" : name);
      },
    },
  };
}

const startup = startupChunks();
rmSync(path.join(root, "lib"), { recursive: true, force: true });
await build({
  cwd: root,
  input: { main: "src/cli/main.ts", "converter-worker": "src/output/converter-worker.ts" },
  platform: "node",
  transform: { target: "node20" },
  external: (id) => external.has(id) || id.startsWith("node:"),
  plugins: [startup.plugin],
  // The dynamic imports of modules that a startup chunk already holds: nothing to split there.
  checks: { ineffectiveDynamicImport: false },
  output: {
    dir: "lib",
    format: "esm",
    // All in one folder, so the worker beside the chunks is found by "./converter-worker.js".
    chunkFileNames: "[name]-[hash].js",
    codeSplitting: {
      groups: ["shared", ...Object.keys(STARTUP)].map((name, i) => ({
        name,
        test: (id) => startup.members.get(id) === name,
        priority: 100 - i,
      })),
    },
    // Less to read and parse at every start; names are kept, and with --verbose
    // bin/nch-report.js turns on source maps, so stack traces point into src/.
    minify: { compress: true, mangle: false, codegen: { removeWhitespace: true } },
    sourcemap: true,
    sourcemapExcludeSources: true,
  },
  logLevel: "warn",
});
