import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadYear } from "../src/load/dataset.js";
import { type CheckedYaml, checkYaml, type SchemaName } from "../src/load/yaml-check.js";
import { validateYear } from "../src/pipeline/validate.js";
import { freshCache } from "./fresh-cache.js";

const temp = (name: string) => mkdtempSync(path.join(tmpdir(), `nch-${name}-`));
const refuse = (file: string): CheckedYaml => {
  throw new Error(`${file} was parsed, not read from the cache`);
};

describe("the YAML cache", () => {
  it("answers an unchanged year from the cache, with the same findings at the same positions", async () => {
    const { cache } = freshCache("yaml");
    const fresh = await validateYear("test/fixtures/counties-bad", 2025, { cache });
    const cached = await validateYear("test/fixtures/counties-bad", 2025, {
      cache,
      check: refuse,
    });
    expect(cached.diagnostics).toEqual(fresh.diagnostics);
    // Cross-file findings are placed through the cached positions, not only the file's own.
    expect(cached.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toContainEqual([
      "counties/duplicate-operation",
      "2025/counties/uppsala.yaml",
      3,
      9,
    ]);
    expect(cached.data.counties.map((c) => c.data)).toEqual(fresh.data.counties.map((c) => c.data));
    expect(cached.data.report?.source.locate(["chapters", 0])).toEqual(
      fresh.data.report?.source.locate(["chapters", 0]),
    );
  });

  it("parses an edited file again, alone, and keeps one entry per file", async () => {
    const root = temp("yaml-edit");
    cpSync("examples/minimal", root, { recursive: true });
    const { cache, cacheDir } = freshCache("yaml");
    await loadYear(root, 2025, { cache });
    const entries = readdirSync(cacheDir).sort();

    const county = path.join(root, "2025/counties/uppsala.yaml");
    writeFileSync(county, readFileSync(county, "utf8").replace("round: 3", "round: 2"));
    const parsed: string[] = [];
    const { data } = await loadYear(root, 2025, {
      cache,
      check: (file: string, text: string, schema: SchemaName) => {
        parsed.push(file);
        return checkYaml(file, text, schema);
      },
    });
    expect(parsed).toEqual(["2025/counties/uppsala.yaml"]);
    expect(data.counties[0]?.data.round).toBe(2);
    expect(readdirSync(cacheDir).sort()).toEqual(entries);
  });

  it("never caches a value that JSON would change", async () => {
    const root = temp("yaml-inf");
    cpSync("examples/minimal", root, { recursive: true });
    const { cache, cacheDir } = freshCache("yaml");
    await loadYear(root, 2025, {
      cache,
      check: (file, text, schema) => {
        const checked = checkYaml(file, text, schema);
        return schema === "report" ? { ...checked, value: { limit: Infinity } } : checked;
      },
    });
    const entries = readdirSync(cacheDir);
    const count = readdirSync(path.join(root, "2025"), { recursive: true }).filter((f) =>
      String(f).endsWith(".yaml"),
    ).length;
    expect(entries).toHaveLength(count - 1);
  });
});
