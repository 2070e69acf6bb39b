import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openCache } from "../src/cache.js";
import type { Cache } from "../src/cache-space.js";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { loadYear } from "../src/load/dataset.js";
import { buildReportModel, type ReportModel } from "../src/model/index.js";
import {
  loadTemplates,
  renderReport,
  TemplateError,
  type TemplateSet,
} from "../src/render/index.js";

// An unknown variable, partial or helper, a syntax error or a gap printed as text is an error
// with the file and line of the expression — never an empty string in the report.
let model: ReportModel;
beforeAll(async () => {
  const { data } = await loadYear("examples/minimal", 2025);
  model = buildReportModel(data);
});

const FILE = "2025/chapters/01-test.md";

async function render(source: string, cache: Cache, templates?: TemplateSet) {
  try {
    await renderReport(
      { ...model, chapters: [{ file: FILE, source }] },
      { target: "gfm", cache, ...(templates ? { templates } : {}) },
    );
  } catch (error) {
    if (error instanceof TemplateError) return error.diagnostics;
    throw error;
  }
  return [];
}

/** The problems, the same whether the templates are compiled now or come from the cache. */
async function problemsOf(source: string, templates?: TemplateSet): Promise<Diagnostic[]> {
  const cache = openCache(mkdtempSync(path.join(tmpdir(), "nch-templates-")));
  const fresh = await render(source, cache, templates);
  expect(await render(source, cache, templates)).toEqual(fresh);
  return fresh;
}

describe("template errors name the file and line", () => {
  it("an unknown variable, with a did-you-mean from the model", async () => {
    expect(
      await problemsOf(
        "# 1. Test\n\nUnder {{year}} inkom\n{{supportLine.thisYear.totl}} samtal.\n",
      ),
    ).toMatchObject([
      {
        severity: "error",
        code: "template/unknown-variable",
        message: 'There is no variable "supportLine.thisYear.totl".',
        file: FILE,
        line: 4,
        column: 3,
        hint: 'Did you mean "supportLine.thisYear.total"?',
      },
    ]);
  });

  it("an unknown variable inside a block, a helper argument or an #if", async () => {
    const [inEach] = await problemsOf("{{#each operations}}\n{{namn}}\n{{/each}}");
    expect(inEach).toMatchObject({ code: "template/unknown-variable", line: 2, column: 3 });
    const [inHelper] = await problemsOf("x {{number supportLine.thisYear.tota}}");
    expect(inHelper).toMatchObject({ code: "template/unknown-variable", line: 1, column: 12 });
    const [inIf] = await problemsOf("\n\n{{#if illustrativ}}x{{/if}}");
    expect(inIf).toMatchObject({ code: "template/unknown-variable", line: 3, column: 7 });
  });

  it("an unknown partial, with a suggestion", async () => {
    expect(await problemsOf("# 1. Test\n\n{{> challenge}}\n")).toEqual([
      expect.objectContaining({
        code: "template/unknown-partial",
        message: 'There is no partial "challenge".',
        file: FILE,
        line: 3,
        column: 1,
        hint: 'Did you mean "challenges"?',
      }),
    ]);
  });

  it("an unknown helper", async () => {
    expect(await problemsOf("Summa: {{numbr 3}}")).toEqual([
      expect.objectContaining({
        code: "template/unknown-helper",
        message: 'There is no helper "numbr".',
        line: 1,
        column: 8,
        hint: 'Did you mean "number"?',
      }),
    ]);
  });

  it("a syntax error", async () => {
    const [problem] = await problemsOf("# 1. Test\n\n{{#if illustrative}}\nText\n");
    expect(problem).toMatchObject({ code: "template/syntax", file: FILE, line: 5 });
    const [unclosed] = await problemsOf("rad 1\nrad {{year\n");
    expect(unclosed).toMatchObject({ code: "template/syntax", line: 2 });
  });

  it("a value the data does not have (a gap) is not printed as a blank", async () => {
    expect(await problemsOf("Förra året: {{supportLine.lastYear.total}} samtal.")).toEqual([
      expect.objectContaining({
        code: "template/no-value",
        file: FILE,
        line: 1,
        column: 13,
        message: expect.stringContaining('"total" has no value'),
      }),
    ]);
    const [throughHelper] = await problemsOf("x\n{{number supportLine.lastYear.total}}");
    expect(throughHelper).toMatchObject({ code: "template/no-value", line: 2, column: 1 });
  });

  it("a list printed as text", async () => {
    const [problem] = await problemsOf("{{operations}}");
    expect(problem).toMatchObject({ code: "template/invalid-value", line: 1, column: 1 });
  });

  it("an error inside a partial names the partial's file; inside a partial block, the chapter", async () => {
    const { templates } = await loadTemplates(undefined);
    if (!templates) throw new Error("no built-in templates");
    const broken = new Map(templates.partials);
    broken.set("challenges", {
      name: "challenges",
      rel: "partials/challenges.md.hbs",
      origin: "project",
      file: "templates/partials/challenges.md.hbs",
      source: "Utmaningar\n{{@root.themes.utmaningar}}\n",
    });
    const custom = { report: templates.report, partials: broken };
    expect(await problemsOf("# 1\n\n{{> challenges}}\n", custom)).toEqual([
      expect.objectContaining({
        code: "template/unknown-variable",
        file: "templates/partials/challenges.md.hbs",
        line: 2,
      }),
    ]);
    const [inBlock] = await problemsOf(
      '# 1\n\n{{#> status-overview number="1.1"}}\nOmgång {{numer}}\n{{/status-overview}}\n',
    );
    expect(inBlock).toMatchObject({
      code: "template/unknown-variable",
      file: FILE,
      line: 4,
      column: 10,
    });
  });
});

describe("valid chapters", () => {
  it("print model values, Swedish numbers and years, and the partials", async () => {
    const source =
      "Under {{year}}: {{supportLine.thisYear.total}} samtal, {{number 21751}}, {{kronor finance.grants.total}}.";
    const report = await renderReport(
      { ...model, chapters: [{ file: FILE, source }] },
      { target: "pandoc" },
    );
    expect(report.markdown).toMatch(
      /^Under 2025: \d+ samtal, 21\u00a0751, [\d\u00a0]+\u00a0kr\.$/m,
    );
  });
});
