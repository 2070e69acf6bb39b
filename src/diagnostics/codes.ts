import type { Severity } from "./diagnostic.js";

interface CodeInfo {
  severity: Severity;
  summary: string;
}

/**
 * Every diagnostic code the tool can emit, with its default severity.
 * Codes are user-facing API (CI scripts filter on them): never rename one.
 */
export const CODES = {
  "file/missing": { severity: "error", summary: "A required input file or folder is missing." },
  "file/absent": {
    severity: "warning",
    summary: "An expected file is absent; the report will lack that part.",
  },
  "file/too-large": { severity: "error", summary: "An input file is larger than the limit." },
  "file/unreadable": { severity: "error", summary: "An input file could not be read." },
  "path/outside-data": {
    severity: "error",
    summary: "A path in the data points outside the data folder.",
  },
  "chapter/raw-output": {
    severity: "error",
    summary: "A raw block or inline for an output format ({=typst}, HTML, TeX) in a chapter.",
  },
  "yaml/syntax": { severity: "error", summary: "The YAML cannot be parsed." },
  "yaml/duplicate-key": { severity: "error", summary: "A key appears twice in the same mapping." },
  "yaml/tab-indent": { severity: "error", summary: "A tab character is used for indentation." },
  "yaml/alias-limit": {
    severity: "error",
    summary: "Aliases expand beyond the safe limit (alias bomb).",
  },
  "yaml/prototype-key": {
    severity: "error",
    summary: "A key such as __proto__ or constructor that could alter objects.",
  },
  "schema/unknown-key": { severity: "error", summary: "A key the data contract does not define." },
  "schema/missing-key": { severity: "error", summary: "A required key is missing." },
  "schema/invalid-value": { severity: "error", summary: "A value has the wrong type or form." },
  "encoding/windows-1252": {
    severity: "warning",
    summary: "A CSV file is not UTF-8; it was read as Windows-1252 (Excel's default).",
  },
  "encoding/not-utf8": {
    severity: "error",
    summary: "A YAML or Markdown file is not UTF-8 and was not read.",
  },
  "csv/syntax": { severity: "error", summary: "The CSV cannot be parsed (quotes, column count)." },
  "csv/missing-column": { severity: "error", summary: "A required column is missing." },
  "csv/unknown-column": {
    severity: "error",
    summary: "A column the data contract does not define.",
  },
  "csv/invalid-value": { severity: "error", summary: "A cell has the wrong form." },
  "csv/duplicate-column": {
    severity: "error",
    summary: "Two columns of the header have the same name.",
  },
  "text/control-character": {
    severity: "error",
    summary:
      "An invisible control, line-separator, direction or zero-width character in a text input.",
  },
  "calls/date-outside-year": {
    severity: "error",
    summary: "A call is dated outside the report year.",
  },
  "calls/duplicate-id": { severity: "error", summary: "Two calls share the same id." },
  "calls/none": { severity: "warning", summary: "calls.csv has a header but no calls." },
  "history/duplicate-year": {
    severity: "error",
    summary: "history/support-line.csv has two rows for the same year.",
  },
  // Limits (src/load/limits.ts): data no report can print is refused where it goes over.
  "text/line-too-long": {
    severity: "error",
    summary: "A line of a chapter, YAML or CSV file is longer than 10 000 characters.",
  },
  "text/year-too-large": {
    severity: "error",
    summary: "The year's YAML files and chapters together exceed 256 KB.",
  },
  "grants/too-many-rows": { severity: "error", summary: "grants.csv has more than 200 payments." },
  "history/too-many-rows": {
    severity: "error",
    summary: "history/support-line.csv has more than 100 rows.",
  },
  "counties/too-many": {
    severity: "error",
    summary: "counties/ has more than 50 status reports.",
  },
  "report/isbn": { severity: "error", summary: "The ISBN is not a valid ISBN-13." },
  "provenance/unknown-source": {
    severity: "warning",
    summary:
      "A provenance declaration names a file or field the year does not have, so it marks nothing.",
  },
  "report/no-signatories": { severity: "error", summary: "The Förord has no signatories." },
  "report/year-mismatch": {
    severity: "error",
    summary: "report.yaml's year differs from its folder's name.",
  },
  "county/unknown": { severity: "error", summary: "A county name or code that is not a county." },
  "vocab/unknown": { severity: "error", summary: "A value outside a controlled vocabulary." },
  // Cross-file rules (src/check/): finance, grants, themes, counties, support line, text.
  "finance/sum-mismatch": {
    severity: "error",
    summary: "A stated total differs from the sum of its lines by more than rounding explains.",
  },
  "finance/above-ceiling": {
    severity: "error",
    summary: "A sub-assignment spent more than its ceiling (högst … kronor).",
  },
  "grants/total-mismatch": {
    severity: "warning",
    summary: "grants.csv does not add up to the appropriation's grants line (may be accrual).",
  },
  "grants/no-grants-line": {
    severity: "warning",
    summary: "There are grant payments but no appropriation line with role: grants.",
  },
  "grants/paid-outside-year": {
    severity: "error",
    summary: "A grant payment is dated outside the report year.",
  },
  "grants/no-status-report": {
    severity: "warning",
    summary: "A county received a grant but has no status report (lägesbild).",
  },
  "grants/no-payment": {
    severity: "warning",
    summary: "A status report of a funded round has no payment and no payment_note.",
  },
  "grants/above-ceiling": {
    severity: "error",
    summary: "The year's grants exceed the ceiling of the grants sub-assignment.",
  },
  "themes/unknown": {
    severity: "error",
    summary: "A status report refers to a theme id that themes.yaml does not define.",
  },
  "themes/unused": { severity: "warning", summary: "A theme that no status report refers to." },
  "themes/duplicate-id": { severity: "error", summary: "Two themes share the same id." },
  "counties/duplicate-operation": {
    severity: "error",
    summary: "Two status reports for the same county and operation.",
  },
  "counties/period-outside-year": {
    severity: "error",
    summary: "A status report's period lies (partly) outside the report year.",
  },
  "counties/period-reversed": {
    severity: "error",
    summary: "A status report's period starts after it ends.",
  },
  "counties/operational-after-period": {
    severity: "error",
    summary: "operational_since is after the end of the period reported on.",
  },
  "counties/phase-suspicious": {
    severity: "warning",
    summary: "The phase orientering with operational support already given.",
  },
  "counties/expected-missing": {
    severity: "error",
    summary: "A status report of a county without a centre lacks expected_established.",
  },
  "counties/expected-in-past": {
    severity: "warning",
    summary: "expected_established lies before the report year.",
  },
  "counties/missing-summary": {
    severity: "warning",
    summary: "A status report of an operation has no summary (lägesbeskrivning).",
  },
  "counties/missing-plans": {
    severity: "info",
    summary: "A status report of an operation has no plans.",
  },
  "counties/not-listed": {
    severity: "warning",
    summary: "From 2026: a county with no operation is not listed with its expected establishment.",
  },
  "support-line/gap": {
    severity: "info",
    summary: "Years of the support-line series with neither a history row nor call data.",
  },
  "support-line/history-after-year": {
    severity: "warning",
    summary: "history/support-line.csv has a row after the report year.",
  },
  "support-line/small-count": {
    severity: "info",
    summary: "A published support-line count below the disclosure threshold; shown as –.",
  },
  "personal-data/personnummer": {
    severity: "error",
    summary: "A personal identity or coordination number (valid check digit) in the input.",
  },
  "personal-data/email": { severity: "warning", summary: "An e-mail address of a person." },
  "personal-data/phone": { severity: "warning", summary: "A Swedish phone number in the input." },
  "personal-data/free-text": {
    severity: "warning",
    summary: "A calls.csv id that looks like free text rather than an identifier.",
  },
  "personal-data/in-output": {
    severity: "error",
    summary: "An identity number in the text of an output about to be written.",
  },
  "personal-data/unchecked-output": {
    severity: "error",
    summary: "An output's text could not be read to check it for personal data.",
  },
  // Templates and chapters (src/render/): found by `build`, with the template's file and line.
  "template/syntax": {
    severity: "error",
    summary:
      "A template or chapter has a Handlebars syntax error (unclosed {{…}}, mismatched block).",
  },
  "template/unknown-variable": {
    severity: "error",
    summary: "A template or chapter uses a variable the report model does not have.",
  },
  "template/unknown-partial": {
    severity: "error",
    summary: "A template or chapter includes a partial ({{> name}}) that does not exist.",
  },
  "template/unknown-helper": {
    severity: "error",
    summary: "A template or chapter calls a helper that does not exist.",
  },
  "template/no-value": {
    severity: "error",
    summary: "A template prints a value the data does not have (a gap, null): never a blank.",
  },
  "template/invalid-value": {
    severity: "error",
    summary:
      "A template prints a list or group as text, or gives a helper the wrong kind of value.",
  },
  "template/typst": {
    severity: "error",
    summary: "Typst could not set the PDF (an error in the Typst template or the converted text).",
  },
  "text/unprintable-character": {
    severity: "error",
    summary: "A character that none of the PDF's fonts can print.",
  },
  "template/chart": {
    severity: "error",
    summary: "A chart could not be drawn (for example an invalid chart spec override).",
  },
  "placeholder/text": {
    severity: "error",
    summary: "A placeholder left in the text: TODO, XX, [infoga …], ??, Lorem ipsum, {{…}}.",
  },
  "prose/spelling": {
    severity: "warning",
    summary: "A word of the prose is not in the Swedish dictionary or the word lists.",
  },
  "prose/terminology": {
    severity: "warning",
    summary: "A wrong or inconsistent form of a term; the terminology list gives the agreed one.",
  },
  "review/comment": {
    severity: "info",
    summary: "A reviewer's comment in the DOCX, at the source of the text it is on.",
  },
  "review/reply": { severity: "info", summary: "A reply to a reviewer's comment in the DOCX." },
  "review/insertion": { severity: "info", summary: "Text a reviewer inserted (tracked change)." },
  "review/deletion": { severity: "info", summary: "Text a reviewer deleted (tracked change)." },
  "review/move": { severity: "info", summary: "Text a reviewer moved (tracked change)." },
  "review/inputs-changed": {
    severity: "warning",
    summary: "Inputs have changed since the reviewed DOCX was built: lines may have moved.",
  },
  "review/no-sources": {
    severity: "warning",
    summary: "No manifest.json with the DOCX's source anchors was found: nothing can be mapped.",
  },
  "review/unreadable": { severity: "error", summary: "The DOCX to review cannot be read." },
  "review/not-a-docx": {
    severity: "error",
    summary: "The file to review is not a DOCX (no zip, no word/document.xml, broken XML).",
  },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

export function defaultSeverity(code: DiagnosticCode): Severity {
  return CODES[code].severity;
}
