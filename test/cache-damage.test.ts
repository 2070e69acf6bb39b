import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateYear } from "../src/check/index.js";
import { loadYear } from "../src/load/dataset.js";
import { buildReportModel } from "../src/model/index.js";
import { renderReport } from "../src/render/index.js";

// A cache is an optimisation: an entry damaged on disk is worked out again, never trusted.
const temp = () => mkdtempSync(path.join(tmpdir(), "nch-damage-"));

function damage(dir: string, change: (entry: Record<string, unknown>) => void): number {
  const names = readdirSync(dir).filter((n) => n.endsWith(".json"));
  for (const name of names) {
    const entry = JSON.parse(readFileSync(path.join(dir, name), "utf8"));
    change(entry);
    writeFileSync(path.join(dir, name), JSON.stringify(entry));
  }
  return names.length;
}

describe("damaged cache entries", () => {
  it("a precompiled template that does not evaluate is compiled again", async () => {
    const { data } = await loadYear("examples/minimal", 2025);
    const model = buildReportModel(data);
    const cacheDir = temp();
    const fresh = await renderReport(model, { target: "gfm", cacheDir });
    const damaged = damage(cacheDir, (entry) => {
      (entry.result as { spec: string }).spec = "{ compiler: [8, ";
    });
    expect(damaged).toBeGreaterThan(5);
    const again = await renderReport(model, { target: "gfm", cacheDir });
    expect(again.markdown).toBe(fresh.markdown);
  });

  it("a YAML entry that is not JSON is parsed again", async () => {
    const cacheDir = temp();
    const fresh = await validateYear("data", 2023, { cacheDir });
    for (const name of readdirSync(cacheDir)) writeFileSync(path.join(cacheDir, name), '{"key":');
    const again = await validateYear("data", 2023, { cacheDir });
    expect(again.diagnostics).toEqual(fresh.diagnostics);
    expect(again.data.counties.map((c) => c.data)).toEqual(fresh.data.counties.map((c) => c.data));
  });
});
