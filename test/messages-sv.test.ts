import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { progressWords } from "../src/cli/progress-words.js";
import { CODES, type DiagnosticCode } from "../src/diagnostics/codes.js";
import { wordsOf } from "../src/diagnostics/messages/index.js";
import type { StopReason } from "../src/pipeline/build.js";
import { EXAMPLE_ARGS } from "./finding-examples.js";

// Every code in both languages, and the Swedish words analysts see, exactly, from real fixtures.
const scratch = mkdtempSync(path.join(tmpdir(), "nch-messages-sv-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ["bin/nch-report.js", ...args, "--lang", "sv"], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", NCH_REPORT_CACHE: path.join(scratch, "cache") },
  });
  return { code: result.status, stdout: result.stdout };
}

/** The findings of `validate --format json`, without their args. */
function validate(fixture: string) {
  const { stdout } = run(
    "validate",
    "2025",
    "--data",
    `test/fixtures/${fixture}`,
    "--format",
    "json",
  );
  const report = JSON.parse(stdout) as { diagnostics: Record<string, unknown>[] };
  return report.diagnostics.map(({ args: _args, severity: _severity, ...rest }) => rest);
}

/** The stylish findings of a build that stops on them (everything above the summary line). */
function build(fixture: string, format: string): string {
  const out = path.join(scratch, fixture);
  const data = `test/fixtures/${fixture}`;
  const { code, stdout } = run("build", "2025", "--data", data, "--out", out, "--format", format);
  expect(code).toBe(1);
  return stdout.split("\n✖")[0] ?? "";
}

/** Codes whose words are not the tool's own in either language: identical text is intended. */
const SAME_IN_BOTH: Partial<Record<DiagnosticCode, string>> = {
  "template/invalid-value": "a helper's own detail, written in English in src/render/",
  "template/typst": "Typst's own message after 'Typst:'",
  "review/comment": "the reviewer's name, date and words (the Swedish 'på' comes only with `on`)",
  "review/reply": "as review/comment",
};

describe("the message catalogues", () => {
  const codes = Object.keys(CODES) as DiagnosticCode[];

  it("give every code a message in Swedish and in English, with a hint in both or neither", () => {
    expect(codes).toHaveLength(88);
    for (const code of codes) {
      const sv = wordsOf(code, EXAMPLE_ARGS[code] as never, "sv");
      const en = wordsOf(code, EXAMPLE_ARGS[code] as never, "en");
      expect([code, sv.message.trim().length > 0, en.message.trim().length > 0]).toEqual([
        code,
        true,
        true,
      ]);
      expect([code, sv.hint === undefined]).toEqual([code, en.hint === undefined]);
      expect(["error", "warning", "info"]).toContain(CODES[code].severity);
    }
  });

  it("word Swedish and English differently, except the codes listed", () => {
    const same = codes.filter(
      (code) =>
        wordsOf(code, EXAMPLE_ARGS[code] as never, "sv").message ===
        wordsOf(code, EXAMPLE_ARGS[code] as never, "en").message,
    );
    expect(same).toEqual(Object.keys(SAME_IN_BOTH));
  });

  it("has one hint in the same words: the agreed Swedish term, in the English catalogue too", () => {
    const args = EXAMPLE_ARGS["prose/terminology"];
    expect(wordsOf("prose/terminology", args, "en").hint).toBe("Skriv: könsstympning");
    expect(wordsOf("prose/terminology", args, "sv").hint).toBe("Skriv: könsstympning");
  });
});

describe("--lang sv on real fixtures", () => {
  it("load/: an invisible character in a chapter, and a CSV header with a column twice", () => {
    expect(validate("control-characters")[0]).toEqual({
      code: "text/control-character",
      message: "Ett osynligt tecken, U+2028 LINE SEPARATOR, finns i texten.",
      file: "2025/chapters/01-inledning.md",
      line: 9,
      column: 7,
      hint: "Ersätt det med en vanlig radbrytning (eller en tom rad mellan stycken); det har troligen klistrats in från Word eller en pdf.",
    });
    expect(validate("strict-csv").find((d) => d.code === "csv/duplicate-column")).toEqual({
      code: "csv/duplicate-column",
      message: 'Kolumnen "county" finns två gånger i rubrikraden: cell 3 och 8.',
      file: "2025/support-line/calls.csv",
      line: 1,
      column: 58,
      hint: "Ta bort eller byt namn på den ena kolumnen, så att det är tydligt vilken som har uppgifterna.",
    });
  });

  it("schema/: a date that is not in the calendar", () => {
    expect(validate("strict-csv")[0]).toEqual({
      code: "schema/invalid-value",
      message: 'period.from: "2025-02-30" är inget datum i kalendern.',
      file: "2025/counties/uppsala.yaml",
      line: 6,
      column: 9,
      hint: "Skriv ett datum ÅÅÅÅ-MM-DD som finns i kalendern, till exempel 2024-03-01.",
    });
  });

  // Numbers are grouped with U+00A0, as in the report.
  it("check/: an unknown theme with the nearest id, and a total that is not the sum", () => {
    expect(validate("themes-bad")[0]).toEqual({
      code: "themes/unknown",
      message: '"befintliga-strukture" är ingen framgångsfaktor i themes.yaml.',
      file: "2025/counties/uppsala.yaml",
      line: 22,
      column: 19,
      hint: 'Menar du "befintliga-strukturer"?',
    });
    expect(validate("finance-mismatch")).toEqual([
      {
        code: "finance/sum-mismatch",
        message:
          '"Summa kostnader": utfallet 20\u00a0200 tkr är inte summan av raderna, 20\u00a0100 tkr (skillnad 100 tkr; avrundning förklarar högst 1,5 tkr).',
        file: "2025/finance/income-statement.yaml",
        line: 13,
        column: 18,
        hint: 'Rätta utfallet för "Summa kostnader" eller något av de 2 belopp som summeras, eller ta bort den angivna summan så räknar verktyget ut den.',
      },
    ]);
  });

  it("render/: a variable the model does not have, with the nearest one", () => {
    expect(build("template-errors", "md")).toBe(
      [
        "test/fixtures/template-errors/2025/chapters/01-kapitel.md",
        '  4:13     fel      Det finns ingen variabel "report.titel".  template/unknown-variable',
        '           tips: Menar du "report.title"?',
        "",
      ].join("\n"),
    );
  });

  it("output/: characters the PDF's fonts cannot print, and an error in the Typst template", () => {
    const hint =
      "           tips: Pdf:en kan skriva latinska, arabiska och persiska tecken, tigrinja (etiopisk skrift), vanliga symboler och emojier; skriv ordet med någon av dem, eller utelämna tecknen.";
    expect(build("unprintable", "pdf")).toBe(
      [
        "test/fixtures/unprintable/2025/chapters/01-inledning.md",
        '  7:22     fel      Pdf:en har inget typsnitt för tecknen "שלום" (U+05E9 …).  text/unprintable-character',
        hint,
        "",
        "test/fixtures/unprintable/2025/counties/uppsala.yaml",
        '  19:40    fel      Pdf:en har inget typsnitt för tecknen "支持指南" (U+652F …).  text/unprintable-character',
        hint,
        "",
      ].join("\n"),
    );
    expect(build("typst-error", "pdf")).toBe(
      [
        "test/fixtures/typst-error/templates/typst/report.typ",
        "  58:15    fel      Typst: unknown variable: undefined-function, hints: if you meant to use subtraction, try adding spaces around the minus sign: `undefined - function`  template/typst",
        "           tips: Rätta Typst-mallen på den här raden (se typst.app/docs).",
        "",
      ].join("\n"),
    );
  });

  it("review/: a file to review that is not a DOCX", () => {
    const file = "test/fixtures/control-characters/2025/report.yaml";
    const { code, stdout } = run("review", file, "--format", "json");
    expect(code).toBe(1);
    expect(JSON.parse(stdout).diagnostics).toEqual([
      {
        severity: "error",
        code: "review/not-a-docx",
        message: "Filen är ingen DOCX (inget zip-arkiv).",
        file,
        line: 0,
        column: 0,
        hint: "Ange själva .docx-filen så som Word eller LibreOffice sparade den (inte en .doc, en PDF eller en genväg).",
        args: { problem: "not-zip" },
      },
    ]);
  });
});

describe("the CLI's own lines under --lang sv", () => {
  it("progress lines of a build, in Swedish, and the line that closes a build that stopped", () => {
    const out = path.join(scratch, "progress");
    const result = spawnSync(
      process.execPath,
      ["bin/nch-report.js", "build", "2025", "--format", "md", "--out", out, "--lang", "sv"],
      {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", NCH_REPORT_CACHE: path.join(scratch, "cache") },
      },
    );
    expect(result.status).toBe(0);
    const lines = result.stderr
      .trim()
      .split("\n")
      .map((l) => l.replace(/ \([\d.]+ s\)$/, ""));
    const folder = path.relative(process.cwd(), out);
    expect(lines).toEqual([
      "✔ validerade 2025",
      "✔ byggde rapportens modell",
      "✔ renderade rapporten med diagrammen (Markdown)",
      `✔ skrev 8 filer till ${folder}/: report.md, manifest.json`,
    ]);
    const stopped = run("build", "2025", "--data", "test/fixtures/template-errors", "--out", out);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout.trim().split("\n").at(-1)).toBe(
      "Mallarna eller kapitlen har fel: inget byggdes.",
    );
  });

  it("every reason a build stops, and the watch's lines, in both languages and differently", () => {
    const reasons: StopReason[] = [
      { kind: "data", year: 2025 },
      { kind: "templates" },
      { kind: "pdf" },
      { kind: "personal-data" },
    ];
    const sv = progressWords("sv");
    const en = progressWords("en");
    expect(reasons.map((r) => sv.stopped(r))).toEqual([
      "Uppgifterna för 2025 har fel: inget byggdes.",
      "Mallarna eller kapitlen har fel: inget byggdes.",
      "Rapporten kan inte sättas som PDF: inget byggdes.",
      "Personuppgifter skulle hamna i utdata: inget skrevs.",
    ]);
    for (const r of reasons) expect(en.stopped(r)).not.toBe(sv.stopped(r));
    expect(sv.validated(2025, 1)).toBe("validerade 2025 — 1 varning, se nch-report validate 2025");
    expect(sv.rendered([["DOCX", "PDF"], "Markdown"])).toBe(
      "renderade rapporten med diagrammen (för DOCX/PDF, Markdown)",
    );
    expect(en.rendered([["DOCX", "PDF"], "Markdown"])).toBe(
      "rendered the report with its charts (for DOCX/PDF, Markdown)",
    );
    expect(sv.watching("data/2025")).toBe("Bevakar data/2025 — Ctrl-C avslutar");
    expect(sv.previewAt(2025, "http://127.0.0.1:4000/")).toBe(
      "Förhandsvisning av 2025 på http://127.0.0.1:4000/ — Ctrl-C avslutar",
    );
  });
});
