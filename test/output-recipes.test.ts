import { describe, expect, it } from "vitest";
import { CHART_NAMES, CHARTS, chartDefinition } from "../src/output/charts/registry.js";
import {
  convertersFor,
  DEFAULT_FORMATS,
  isOutputFormat,
  OUTPUT_FORMATS,
  OUTPUT_RECIPES,
  recipeFor,
  targetNames,
} from "../src/output/recipes.js";
import { renderYear } from "./render-year.js";

describe("the output format registry", () => {
  it("lists md, docx, pdf and html, the first three made by default, with their targets and converters", () => {
    expect(OUTPUT_FORMATS).toEqual(["md", "docx", "pdf", "html"]);
    expect(DEFAULT_FORMATS).toEqual(["md", "docx", "pdf"]);
    expect(OUTPUT_RECIPES.map((r) => [r.displayName, r.target, r.converters, r.ownStep])).toEqual([
      ["Markdown", "gfm", [], false],
      ["DOCX", "pandoc", ["docx"], true],
      ["PDF", "pandoc", ["pdf"], true],
      ["HTML", "pandoc", [], true],
    ]);
    expect(recipeFor("docx").files).toEqual(["report.docx"]);
    expect(isOutputFormat("pdf")).toBe(true);
    expect(isOutputFormat("html ")).toBe(false);
  });

  it("starts each converter once, and names targets as the progress lines do", () => {
    expect(convertersFor(["md"])).toEqual([]);
    expect(convertersFor(["pdf", "md", "docx", "pdf"])).toEqual(["pdf", "docx"]);
    expect(targetNames("gfm")).toBe("Markdown");
    expect(targetNames("pandoc", ["md", "docx", "pdf"])).toEqual(["DOCX", "PDF"]);
    expect(targetNames("pandoc", ["html"])).toBe("HTML");
  });

  it("loads the Markdown recipe's code, which puts the draft line on top", async () => {
    const [report] = await renderYear("data", 2025, ["gfm"]);
    if (!report) throw new Error("nothing rendered");
    const make = await recipeFor("md").load();
    const files = await make(report, { draftLine: "UTKAST · abc1234 · 2026-03-01" } as never);
    expect(files.map((f) => f.name)).toEqual([
      ...report.charts.map((c) => c.fileName),
      "report.md",
    ]);
    expect(String(files.at(-1)?.bytes).split("\n").slice(0, 2)).toEqual([
      "> UTKAST · abc1234 · 2026-03-01",
      "",
    ]);
  });
});

describe("the chart registry", () => {
  it("names the six built-in charts once, and nothing else", () => {
    expect(CHART_NAMES).toEqual([
      "calls-per-year",
      "calls-per-organisation",
      "calls-per-county",
      "exposure-by-type",
      "finance-costs",
      "finance-other-costs",
    ]);
    expect(CHARTS.length).toBe(6);
    expect(chartDefinition("calls-per-year")?.name).toBe("calls-per-year");
    expect(chartDefinition("toString")).toBeUndefined();
    expect(chartDefinition("logo")).toBeUndefined();
  });
});
