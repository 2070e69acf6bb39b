import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadYear } from "../src/load/dataset.js";
import { buildReportModel } from "../src/model/index.js";
import { validateYear } from "../src/pipeline/validate.js";
import { renderReport } from "../src/render/index.js";
import { freshCache } from "./fresh-cache.js";

// A cache is an optimisation: an entry damaged on disk is worked out again, never trusted.
const temp = () => mkdtempSync(path.join(tmpdir(), "nch-damage-"));

/** Edits each entry's value in place, keeping its seal line: a well-formed entry, edited. */
function damage(dir: string, change: (entry: Record<string, unknown>) => void): number {
  const names = readdirSync(dir).filter((n) => n.endsWith(".json"));
  for (const name of names) {
    const [seal, json] = readFileSync(path.join(dir, name), "utf8").split("\n");
    const entry = JSON.parse(json as string);
    change(entry);
    writeFileSync(path.join(dir, name), `${seal}\n${JSON.stringify(entry)}`);
  }
  return names.length;
}

/** A copy of data/2025 whose Skåne status report has a key the data contract does not know. */
function badYear(): string {
  const root = temp();
  cpSync("data/2025", path.join(root, "2025"), { recursive: true });
  cpSync("data/history", path.join(root, "history"), { recursive: true });
  const skane = path.join(root, "2025/counties/skane.yaml");
  writeFileSync(skane, `${readFileSync(skane, "utf8")}sumary: Felstavad nyckel.\n`);
  return root;
}

const codes = (diagnostics: { severity: string; code: string; file: string }[]) =>
  diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.file}`);

describe("damaged cache entries", () => {
  it("a precompiled template that does not evaluate is compiled again", async () => {
    const { data } = await loadYear("examples/minimal", 2025);
    const model = buildReportModel(data);
    const { cache, cacheDir } = freshCache("templates");
    const fresh = await renderReport(model, { target: "gfm", cache });
    const damaged = damage(cacheDir, (entry) => {
      (entry.result as { spec: string }).spec = "{ compiler: [8, ";
    });
    expect(damaged).toBeGreaterThan(5);
    const again = await renderReport(model, { target: "gfm", cache });
    expect(again.markdown).toBe(fresh.markdown);
  });

  it("a YAML entry that is not JSON is parsed again", async () => {
    const { cache, cacheDir } = freshCache("yaml");
    const fresh = await validateYear("data", 2023, { cache });
    for (const name of readdirSync(cacheDir)) writeFileSync(path.join(cacheDir, name), '{"key":');
    const again = await validateYear("data", 2023, { cache });
    expect(again.diagnostics).toEqual(fresh.diagnostics);
    expect(again.data.counties.map((c) => c.data)).toEqual(fresh.data.counties.map((c) => c.data));
  });
});

describe("a cache entry cannot change a verdict", () => {
  it("an entry with its findings removed is ignored and the file checked again", async () => {
    const root = badYear();
    const { cache, cacheDir } = freshCache("yaml");
    const fresh = await validateYear(root, 2025, { cache });
    expect(codes(fresh.diagnostics)).toEqual(["schema/unknown-key 2025/counties/skane.yaml"]);
    const edited = damage(cacheDir, (entry) => {
      (entry.result as { diagnostics: unknown[] }).diagnostics = [];
    });
    expect(edited).toBe(26);
    const again = await validateYear(root, 2025, { cache });
    expect(codes(again.diagnostics)).toEqual(["schema/unknown-key 2025/counties/skane.yaml"]);
  });

  it("an entry copied from another file's slot is ignored", async () => {
    const root = badYear();
    const { cache, cacheDir } = freshCache("yaml");
    await validateYear(root, 2025, { cache });
    // Every entry replaced by the clean entry of another file, seal and all.
    const names = readdirSync(cacheDir).filter((n) => n.endsWith(".json"));
    const clean = readFileSync(path.join(cacheDir, names[0] as string));
    for (const name of names.slice(1)) writeFileSync(path.join(cacheDir, name), clean);
    const again = await validateYear(root, 2025, { cache });
    expect(codes(again.diagnostics)).toEqual(["schema/unknown-key 2025/counties/skane.yaml"]);
  });
});
