import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPersonalData } from "../src/check/personal-data-patterns.js";
import { finding } from "../src/diagnostics/finding.js";
import { inLanguage } from "../src/diagnostics/messages/index.js";
import { cut, maskPersonalData, redactDiagnostic, redactText } from "../src/diagnostics/redact.js";
import { outputTexts } from "../src/output/output-text.js";
import { pdfText } from "../src/output/pdf-text.js";

describe("findPersonalData on folded text", () => {
  it("finds the written forms at their position as written", () => {
    expect(findPersonalData("Nr: &#56;50101&ndash;1236.", { joinLines: true })).toEqual([
      { kind: "personnummer", index: 4, text: "&#56;50101&ndash;1236", folded: "850101-1236" },
    ]);
    expect(findPersonalData("x ８５０１６１ １２３３", { joinLines: true })).toEqual([
      { kind: "samordningsnummer", index: 2, text: "８５０１６１ １２３３", folded: "850161 1233" },
    ]);
  });

  it("finds a 10- or 12-digit identity number printed in thousands groups, as the number helper does", () => {
    expect(findPersonalData("Nr 8\u00a0501\u00a0011\u00a0236.", { joinLines: true })).toEqual([
      {
        kind: "personnummer",
        index: 3,
        text: "8\u00a0501\u00a0011\u00a0236",
        folded: "8 501 011 236",
      },
    ]);
    expect(findPersonalData("198 501 011 236 och 8 501 611 233", { joinLines: true })).toEqual([
      { kind: "personnummer", index: 0, text: "198 501 011 236", folded: "198 501 011 236" },
      { kind: "samordningsnummer", index: 20, text: "8 501 611 233", folded: "8 501 611 233" },
    ]);
    // Same grouping, but no date or a wrong check digit, or one more group: an amount.
    for (const amount of [
      "8 501 011 235",
      "1 234 567 890",
      "8 501 011 236 000",
      "38 501 011 236",
    ]) {
      const ids = findPersonalData(amount, { joinLines: true }).filter((m) => m.kind !== "phone");
      expect(ids, amount).toEqual([]);
    }
  });

  it("leaves amounts, dates, ISBNs, wrong check digits and non-dates alone", () => {
    const ordinary = [
      "13\u00a0913\u00a0620 kr",
      "13 913 620",
      "1 105 000,0;Grupp 2",
      "2023-04-01 1236",
      "978-91-89819-08-5",
      "2445-2024",
      "850101-1235",
      "851301-1236",
      "8501011236 7",
    ];
    for (const text of ordinary) {
      const ids = findPersonalData(text, { joinLines: true }).filter((m) => m.kind !== "phone");
      expect(ids, text).toEqual(text === "8501011236 7" ? ids : []);
    }
  });
});

describe("redaction of messages", () => {
  it("cuts a value to 60 characters and …", () => {
    expect(cut("x".repeat(61))).toBe(`${"x".repeat(60)}…`);
    expect(cut("x".repeat(60))).toBe("x".repeat(60));
    expect(redactText(`Unknown column "${"a".repeat(5000)}".`)).toBe(
      `Unknown column "${"a".repeat(60)}…".`,
    );
  });

  it("shows the kind instead of the value", () => {
    expect(maskPersonalData("pnr 850101–1236, kalle@example.com, 070-123 45 67")).toBe(
      "pnr [personnummer], [e-mail address], [phone number]",
    );
    expect(maskPersonalData("nch@lansstyrelsen.se, 010-223 50 00")).toBe(
      "nch@lansstyrelsen.se, 010-223 50 00",
    );
  });

  it("masks the file name, the message and the hint of a diagnostic", () => {
    const d = redactDiagnostic({
      severity: "error",
      code: "county/unknown",
      message: '"850101-1236" is not a Swedish county.',
      file: "2025/counties/850101-1236.yaml",
      line: 2,
      column: 9,
      hint: "Did you mean 19850101-1236?",
      args: { context: "value", value: "850101-1236", suggestion: "19850101-1236" },
    });
    expect(d).toEqual({
      severity: "error",
      code: "county/unknown",
      message: '"[personnummer]" is not a Swedish county.',
      file: "2025/counties/[personnummer].yaml",
      line: 2,
      column: 9,
      hint: "Did you mean [personnummer]?",
      args: { context: "value", value: "[personnummer]", suggestion: "[personnummer]" },
    });
  });

  it("stores a finding's args masked and cut, and words them from those args", () => {
    const d = finding(
      "county/unknown",
      { file: "2025/counties/x.yaml", line: 2, column: 9 },
      { context: "value", value: `850101-1236 ${"x".repeat(70)}` },
    );
    expect(d.args).toEqual({ context: "value", value: `[personnummer] ${"x".repeat(45)}…` });
    expect(d.message).toBe(`"[personnummer] ${"x".repeat(44)}…" is not a Swedish county.`);
    expect(inLanguage(d, "sv").message).toBe(
      `"[personnummer] ${"x".repeat(44)}…" är inget svenskt län.`,
    );
  });
});

describe("the outputs of the real 2023 report", () => {
  const out = mkdtempSync(path.join(tmpdir(), "nch-gate-2023-"));
  let result: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    result = spawnSync(process.execPath, ["bin/nch-report.js", "build", "2023", "--out", out], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", NCH_REPORT_CACHE: ".nch-cache/test" },
    });
  }, 240_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("pass the gate: the build writes them all", () => {
    expect(result.stdout).toBe("");
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "figurer",
      "manifest.json",
      "report.docx",
      "report.md",
      "report.pdf",
    ]);
  });

  it("hold no identity number in any text the gate reads (finance tables included)", async () => {
    const names = ["report.md", "report.docx", "report.pdf", "manifest.json"];
    const svgs = readdirSync(path.join(out, "figurer")).map((n) => `figurer/${n}`);
    const texts = [...names, ...svgs].map((name) =>
      outputTexts({ name, bytes: readFileSync(path.join(out, name)) }),
    );
    const pieces = (await Promise.all(texts)).flat();
    expect(pieces.length).toBeGreaterThan(20);
    const md = pieces.filter((p) => p.output === "report.md")[1]?.text ?? "";
    expect(md).toContain("13\u00a0913\u00a0620");
    const hits = pieces.flatMap((p) =>
      findPersonalData(p.text, { joinLines: p.joinLines })
        .filter((m) => m.kind === "personnummer" || m.kind === "samordningsnummer")
        .map((m) => `${p.output}: ${m.folded}`),
    );
    expect(hits).toEqual([]);
  });

  it("read every character of the PDF's text that pdfjs reads", async () => {
    const bytes = readFileSync(path.join(out, "report.pdf"));
    const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
    let expected = "";
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      expected += content.items.map((i) => ("str" in i ? i.str : "")).join("");
    }
    // Text runs may come in another order (charts are drawn as separate objects): count them.
    const counts = (text: string) => {
      const count = new Map<string, number>();
      for (const ch of text.replace(/[\s\u00ad]/g, "")) count.set(ch, (count.get(ch) ?? 0) + 1);
      return count;
    };
    const ours = counts(pdfText(bytes));
    const missing = [...counts(expected)].filter(([ch, n]) => (ours.get(ch) ?? 0) < n);
    expect(expected.length).toBeGreaterThan(20_000);
    expect(missing).toEqual([]);
    expect(ours.has("\uFFFD")).toBe(false);
  });
});
