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
  "report/isbn": { severity: "error", summary: "The ISBN is not a valid ISBN-13." },
  "report/no-signatories": { severity: "error", summary: "The Förord has no signatories." },
  "report/year-mismatch": {
    severity: "error",
    summary: "report.yaml's year differs from its folder's name.",
  },
  "county/unknown": { severity: "error", summary: "A county name or code that is not a county." },
  "vocab/unknown": { severity: "error", summary: "A value outside a controlled vocabulary." },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

export function defaultSeverity(code: DiagnosticCode): Severity {
  return CODES[code].severity;
}
