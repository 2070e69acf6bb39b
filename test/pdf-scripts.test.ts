import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { exportProblems } from "../src/output/pdf.js";

// Names of brochures in Arabic, Persian, Tigrinya and Somali, and emoji, in a summary: printed in
// the PDF with the shipped fallback fonts; a script no font has is a located error.

const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  NO_COLOR: "1",
  NCH_REPORT_CACHE: ".nch-cache/test",
};
delete ENV.SOURCE_DATE_EPOCH;

function buildPdf(data: string, out: string) {
  return spawnSync(
    process.execPath,
    [
      "bin/nch-report.js",
      "build",
      "2025",
      "--data",
      data,
      "--format",
      "pdf",
      "--out",
      out,
      "--quiet",
    ],
    { encoding: "utf8", env: ENV },
  );
}

/** Each text run of the PDF with the name of the embedded font that draws it. */
async function runs(file: string): Promise<{ text: string; font: string }[]> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
  const found: { text: string; font: string }[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    await page.getOperatorList(); // loads the fonts into commonObjs
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!("str" in item)) continue;
      const font = page.commonObjs.get(item.fontName) as { name?: string };
      found.push({ text: item.str, font: font.name ?? "" });
    }
  }
  return found;
}

describe("non-Latin scripts and emoji in the PDF", () => {
  it("prints Tigrinya, Somali, emoji and symbols as written, and Arabic and Persian in Noto Sans Arabic", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "nch-scripts-"));
    const result = buildPdf("test/fixtures/scripts", out);
    expect(result.stdout).toBe("");
    expect(result.status).toBe(0);
    const all = await runs(path.join(out, "report.pdf"));
    const text = all.map((r) => r.text).join("");
    // pdf.js gives these back exactly as the summary in test/fixtures/scripts has them.
    expect(text).toContain("tigrinja (ሓበሬታ ንሓገዝ) och so");
    expect(text).toContain("maliska (Hagaha taageerada) 🙂 👩‍⚕️ ✔ ★.");
    const fontOf = (needle: string) => all.find((r) => r.text.includes(needle))?.font ?? "";
    expect(fontOf("ሓበሬታ")).toMatch(/NotoSansEthiopic/);
    expect(fontOf("🙂")).toMatch(/NotoEmoji/);
    expect(fontOf("★")).toMatch(/NotoSansSymbols2/);
    // Arabic is shaped (joined letter forms), which pdf.js cannot map back to the letters in
    // order: the runs are checked by their font, the drawing by eye (README).
    const arabic = all.filter((r) => /[\u0600-\u06FF]/.test(r.text));
    expect(arabic.length).toBeGreaterThan(0);
    for (const run of arabic) expect(run.font).toMatch(/NotoSansArabic/);
  }, 120_000);

  it("refuses a script no shipped font has, at each word's place, before Typst runs", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "nch-unprintable-")), "out");
    const result = buildPdf("test/fixtures/unprintable", out);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        "test/fixtures/unprintable/2025/chapters/01-inledning.md",
        '  7:22     error    The PDF has no font for the characters "שלום" (U+05E9 …).  text/unprintable-character',
        "           hint: The PDF prints Latin, Arabic and Persian, Tigrinya (Ethiopic), common symbols and emoji; write the word in one of those scripts, or leave the characters out.",
        "",
        "test/fixtures/unprintable/2025/counties/uppsala.yaml",
        '  19:40    error    The PDF has no font for the characters "支持指南" (U+652F …).  text/unprintable-character',
        "           hint: The PDF prints Latin, Arabic and Persian, Tigrinya (Ethiopic), common symbols and emoji; write the word in one of those scripts, or leave the characters out.",
        "",
        "✖ 2 problems (2 errors, 0 warnings, 0 info)",
        "The report cannot be set as a PDF: nothing was built.",
        "",
      ].join("\n"),
    );
    expect(result.stderr).not.toContain("SourceDiagnostic");
    expect(() => statSync(out)).toThrow();
  }, 120_000);

  it("shows a Typst error in a project's template at its line, never Typst's raw dump", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "nch-typst-error-")), "out");
    const result = buildPdf("test/fixtures/typst-error", out);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      "test/fixtures/typst-error/templates/typst/report.typ\n  58:15    error    Typst: unknown variable: undefined-function",
    );
    expect(result.stdout).toContain(
      "template/typst\n           hint: Correct the Typst template at this line",
    );
    expect(result.stdout + result.stderr).not.toContain("SourceDiagnostic");
  }, 120_000);

  it("reads Typst's raw export errors as plain messages", () => {
    const raw =
      '[SourceDiagnostic { severity: Error, span: Span(1705183473673050), message: "PDF/UA-1 error: the text `\\"ሓ\\"` could not be displayed with font `\\"Source Sans 3\\"`", trace: [], hints: ["try using a different font"] }]';
    expect(exportProblems(raw)).toEqual([
      {
        message:
          'PDF/UA-1 error: the text `"ሓ"` could not be displayed with font `"Source Sans 3"`',
        file: "",
        line: 0,
        column: 0,
        excerpt: "",
      },
    ]);
  });
});
