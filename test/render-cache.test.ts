import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Cache, type CacheSpace, NO_CACHE } from "../src/cache-space.js";
import { loadYear } from "../src/load/dataset.js";
import { loadEarlierCalls } from "../src/load/earlier-calls.js";
import { loadImages } from "../src/load/images.js";
import { buildReportModel, type ReportModel } from "../src/model/index.js";
import {
  loadTemplates,
  type RenderedReport,
  renderReport,
  type Target,
} from "../src/render/index.js";

// A warm build reads the rendered report from the cache instead of running the templates: that
// must happen only when everything the rendering is a function of is unchanged.

const work = mkdtempSync(path.join(tmpdir(), "nch-render-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The `templates` space in memory, counting the reports it had to render. */
function countingCache(): { cache: Cache; rendered: () => number } {
  const stored = new Map<string, { key: string; value: unknown }>();
  let rendered = 0;
  const templates: CacheSpace = {
    read: (slot) => stored.get(slot)?.value,
    write: async (slot, value) => {
      stored.set(slot, { key: slot, value });
    },
    async result(entry) {
      const hit = stored.get(entry.slot);
      if (hit?.key === entry.key && entry.valid(hit.value)) return structuredClone(hit.value);
      const value = await entry.compute();
      if ((value as Partial<RenderedReport>).markdown !== undefined) rendered++;
      stored.set(entry.slot, { key: entry.key, value: structuredClone(value) });
      return value;
    },
  };
  return { cache: { ...NO_CACHE, templates }, rendered: () => rendered };
}

/** A copy of data/2025 and data/history: a data root whose files a test may change. */
function dataRoot(name: string): string {
  const root = path.join(work, name);
  cpSync("data/2025", path.join(root, "2025"), { recursive: true });
  cpSync("data/history", path.join(root, "history"), { recursive: true });
  return root;
}

async function inputs(root: string) {
  const { data } = await loadYear(root, 2025);
  const [{ calls }, { images }, { templates }] = await Promise.all([
    loadEarlierCalls(root, 2025),
    loadImages(root, 2025),
    loadTemplates(root),
  ]);
  if (!templates) throw new Error("the templates did not load");
  return { model: buildReportModel(data, { earlierCalls: calls }), images, templates };
}

async function render(root: string, cache: Cache, target: Target = "gfm", model?: ReportModel) {
  const loaded = await inputs(root);
  return renderReport(model ?? loaded.model, {
    target,
    templates: loaded.templates,
    templatesDir: path.join(root, "templates"),
    images: loaded.images,
    cache,
  });
}

describe("the rendered report in the cache", () => {
  it("is rendered once for unchanged inputs, and is what rendering without a cache gives", async () => {
    const root = dataRoot("same");
    const { cache, rendered } = countingCache();
    const first = await render(root, cache);
    const second = await render(root, cache);
    expect(rendered()).toBe(1);
    expect(second).toEqual(first);
    expect(await render(root, NO_CACHE)).toEqual(first);
    expect(second.markdown).toContain("# Årlig redovisning av verksamheten 2025");
    expect(second.charts.map((c) => c.fileName)).toContain("figurer/calls-per-year.svg");
  });

  it("is rendered again when a chapter, a template, a chart spec, an image or the target changes", async () => {
    const root = dataRoot("changes");
    const { cache, rendered } = countingCache();
    await render(root, cache);
    expect(rendered()).toBe(1);

    const chapter = path.join(root, "2025", "chapters", "01-sammanfattning.md");
    writeFileSync(chapter, `${readFileSync(chapter, "utf8")}\nEn ny mening.\n`);
    expect((await render(root, cache)).markdown).toContain("En ny mening.");
    expect(rendered()).toBe(2);

    mkdirSync(path.join(root, "templates", "charts"), { recursive: true });
    const spec = readFileSync("templates/charts/calls-per-year.vl.json", "utf8");
    writeFileSync(
      path.join(root, "templates", "charts", "calls-per-year.vl.json"),
      spec.replace('"title": "År"', '"title": "Kalenderår"'),
    );
    const withSpec = await render(root, cache);
    expect(rendered()).toBe(3);
    const chart = withSpec.charts.find((c) => c.fileName === "figurer/calls-per-year.svg");
    expect(chart?.svg).toContain("Kalenderår");

    const report = readFileSync("templates/report.md.hbs", "utf8");
    writeFileSync(path.join(root, "templates", "report.md.hbs"), `${report}\nEgen slutrad.\n`);
    expect((await render(root, cache)).markdown).toContain("Egen slutrad.");
    expect(rendered()).toBe(4);

    const wordmark = path.join(root, "2025", "figurer", "nch-ordmarke.svg");
    const svg = readFileSync(wordmark, "utf8").replace("</svg>", "<desc>ändrad</desc></svg>");
    writeFileSync(wordmark, svg);
    expect((await render(root, cache)).wordmark).toBe(svg);
    expect(rendered()).toBe(5);

    expect((await render(root, cache, "pandoc")).markdown).toContain("Table: Tabell 1:");
    expect(rendered()).toBe(6);
    // Each change rendered once: the same inputs again come from the cache.
    await render(root, cache);
    await render(root, cache, "pandoc");
    expect(rendered()).toBe(6);
  });

  it("is not used for a model that JSON would not keep whole (the key could not tell it)", async () => {
    const root = dataRoot("inexact");
    const { cache, rendered } = countingCache();
    const { model } = await inputs(root);
    const inexact = { ...model, extra: new Map([["a", 1]]) } as unknown as ReportModel;
    const a = await render(root, cache, "gfm", inexact);
    const b = await render(root, cache, "gfm", { ...model, extra: Number.NaN } as ReportModel);
    expect(rendered()).toBe(0);
    expect(a.markdown).toBe(b.markdown);
    expect(a.markdown).toBe((await render(root, cache)).markdown);
    expect(rendered()).toBe(1);
  });
});
