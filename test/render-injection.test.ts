import { beforeAll, describe, expect, it } from "vitest";
import { loadYear } from "../src/load/dataset.js";
import { buildReportModel } from "../src/model/index.js";
import { escapeMarkdown } from "../src/render/escape.js";
import { type RenderedReport, renderReport } from "../src/render/index.js";

// test/fixtures/injection/2025: an operation name, a principal, a summary, plans and theme texts
// full of Markdown, HTML, Typst, LaTeX, Handlebars, tables, links and citations. Rendered, every
// one of them must be text — in the Markdown and after pandoc has read it.
const ATTACKS = [
  "# Rubrik",
  "<script>alert(1)</script>",
  "#set page(fill: red)",
  "\\newpage $x^2$",
  "{{supportLine.thisYear.total}}",
  "{{> challenges}}",
  "| a | b |",
  "[länk](http://x)",
  "@citation",
];

let gfm: RenderedReport;
let pandoc: RenderedReport;
beforeAll(async () => {
  // Loaded without the cross-file checks: the validator rightly refuses {{…}} in YAML text,
  // and this test is about what the renderer does when such text reaches it anyway.
  const { data } = await loadYear("test/fixtures/injection", 2025);
  const model = buildReportModel(data);
  [gfm, pandoc] = await Promise.all([
    renderReport(model, { target: "gfm" }),
    renderReport(model, { target: "pandoc" }),
  ]);
}, 60_000);

async function toPlain(markdown: string, from: "gfm" | "markdown"): Promise<string> {
  const { convert } = await import("pandoc-wasm");
  const result = await convert({ from, to: "plain", wrap: "none" }, markdown, {});
  return result.stdout;
}

async function toNative(markdown: string, from: "gfm" | "markdown"): Promise<string> {
  const { convert } = await import("pandoc-wasm");
  return (await convert({ from, to: "native" }, markdown, {})).stdout;
}

describe("text from data is inserted literally", () => {
  it.each(ATTACKS)("the Markdown holds %s as escaped text, in both targets", (attack) => {
    for (const report of [gfm, pandoc]) {
      expect(report.markdown).toContain(escapeMarkdown(attack));
    }
  });

  it("no data text became a heading, raw HTML, a table row or a template expression", () => {
    for (const { markdown } of [gfm, pandoc]) {
      expect(markdown).not.toMatch(/^#+ Rubrik/m);
      expect(markdown).not.toMatch(/(?<!\\)<script/);
      expect(markdown).not.toMatch(/^\| a \| b \|/m);
      expect(markdown).not.toMatch(/(?<!\\)\{\{/);
      expect(markdown).not.toMatch(/(?<!\\)\[länk\]/);
      // The Handlebars in a summary was not evaluated: the total (3 calls) is not in its place.
      expect(markdown).toContain(
        "\\{\\{supportLine.thisYear.total\\}\\} och \\{\\{\\> challenges\\}\\}",
      );
    }
  });

  it("keeps the paragraph break of a summary", () => {
    expect(gfm.markdown).toContain("\\$x\\^2\\$\n\n\\{\\{supportLine.thisYear.total\\}\\}");
  });

  it.each([
    ["gfm", "gfm"],
    ["pandoc", "markdown"],
  ] as const)(
    "pandoc reading the %s target gets every attack back as plain text",
    async (target, from) => {
      const report = target === "gfm" ? gfm : pandoc;
      const plain = await toPlain(report.markdown, from);
      for (const attack of ATTACKS) expect(plain).toContain(attack);
      const native = await toNative(report.markdown, from);
      expect(native).not.toMatch(/RawInline|RawBlock|Math |\bCite\b|\bDiv\b|citationId/);
      expect(native).not.toContain('( "http://x"');
      expect(native).not.toMatch(
        /Header \d+\s*\(\s*"[^"]*"\s*,\s*\[\]\s*,\s*\[\]\s*\)\s*\[\s*Str "Rubrik"\s*\]/,
      );
    },
    60_000,
  );

  it("escapes an operation name in a table cell and in a heading", () => {
    const name = escapeMarkdown(
      "# Rubrik <script>alert(1)</script> | a | b | [länk](http://x) @citation",
    );
    expect(gfm.markdown).toContain(`| Västra Götaland | ${name} | 3 | Genomförandefas |`);
    expect(gfm.markdown).toContain(`#### Västra Götaland ${name}\n`);
  });
});
