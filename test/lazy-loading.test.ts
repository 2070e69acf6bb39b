import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Start-up cost is paid on every run: a command must not load what it does not need.
const CONVERTERS =
  "pandoc-wasm,@myriaddreamin/typst-ts-node-compiler,vega,vega-lite,@resvg/resvg-js";

function run(forbid: string, ...args: string[]) {
  return runWithCache(".nch-cache/test", forbid, ...args);
}

function runWithCache(cache: string, forbid: string, ...args: string[]) {
  return spawnSync(
    process.execPath,
    ["--import", "./test/fixtures/hooks/forbid-converters.mjs", "bin/nch-report.js", ...args],
    {
      encoding: "utf8",
      timeout: 60_000,
      env: {
        ...process.env,
        NO_COLOR: "1",
        NCH_REPORT_CACHE: cache,
        NCH_FORBID: forbid,
      },
    },
  );
}

/** The bundle's files (lib/…) that hold code of the packages whose paths `marker` finds (by their source maps). */
function bundledWith(marker: RegExp): string[] {
  return readdirSync("lib")
    .filter((f) => f.endsWith(".js.map"))
    .filter((f) => {
      const map = JSON.parse(readFileSync(path.join("lib", f), "utf8")) as { sources: string[] };
      return map.sources.some((source) => marker.test(source));
    })
    .map((f) => `lib/${f.replace(/\.map$/, "")}`);
}

describe("what a command loads", () => {
  it("the hook does refuse a forbidden package, also in the converter workers", () => {
    const out = mkdtempSync(path.join(tmpdir(), "nch-lazy-"));
    const pdf = run(
      "@myriaddreamin/typst-ts-node-compiler",
      "build",
      "2025",
      "--format",
      "pdf",
      "--out",
      out,
    );
    expect(pdf.status).not.toBe(0);
    expect(pdf.stderr).toContain("typst-ts-node-compiler was loaded");
  }, 60_000);

  it("validate never loads pandoc, Typst, vega or resvg", () => {
    const result = run(CONVERTERS, "validate", "2025");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("build --format md never loads pandoc or Typst", () => {
    const out = mkdtempSync(path.join(tmpdir(), "nch-lazy-"));
    const result = run(
      "pandoc-wasm,@myriaddreamin/typst-ts-node-compiler",
      "build",
      "2025",
      "--format",
      "md",
      "--out",
      out,
      "--quiet",
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  }, 60_000);

  it("an md build of unchanged templates and data compiles no template and parses no YAML", () => {
    const cache = mkdtempSync(path.join(tmpdir(), "nch-lazy-cache-"));
    const out = mkdtempSync(path.join(tmpdir(), "nch-lazy-"));
    const build = (forbid: string) =>
      runWithCache(cache, forbid, "build", "2025", "--format", "md", "--out", out, "--quiet");
    // handlebars/lib is the package's full entry, compiler included (its runtime is
    // handlebars/runtime.js). lib/yaml-check- is the bundle's chunk that parses YAML with yaml
    // and checks it with zod; lib/check-prose- the spelling check behind its cache.
    const compilers = "handlebars/lib,lib/yaml-check-,lib/check-prose-";
    const cold = build(compilers);
    expect(cold.status).not.toBe(0);
    expect(cold.stderr).toMatch(/(handlebars\/lib|lib\/yaml-check-|lib\/check-prose-) was loaded/);
    expect(build("").status).toBe(0);
    // Nor are zod and yaml loaded at all: the bundle's chunks that hold them (the check-only
    // helpers they once shared a chunk with, as isWithoutCentre, live apart from the schemas).
    const zodAndYaml = bundledWith(/node_modules\/(zod|yaml)\//);
    expect(zodAndYaml.length).toBeGreaterThan(0);
    const warm = build(
      `pandoc-wasm,@myriaddreamin/typst-ts-node-compiler,${compilers},${zodAndYaml.join(",")}`,
    );
    expect(warm.stderr).toBe("");
    expect(warm.status).toBe(0);
  }, 60_000);
});
