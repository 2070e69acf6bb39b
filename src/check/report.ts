import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import type { YearData } from "../load/dataset.js";
import { findPlaceholders } from "./placeholders.js";

/** ISBN-13: digits weighted 1,3,1,3… sum to a multiple of 10. */
export function isValidIsbn13(isbn: string): boolean {
  const digits = isbn.replace(/[-\s]/g, "");
  if (!/^97[89]\d{10}$/.test(digits)) return false;
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return sum % 10 === 0;
}

/** report.yaml: ISBN check digit, signatories, the year matching its folder. */
export function checkReport(data: YearData): Diagnostic[] {
  const report = data.report;
  if (!report) return [];
  const { source } = report;
  const found: Diagnostic[] = [];
  // A placeholder ("TODO: fyll i ISBN", from init) is reported once, as a placeholder.
  const placeholder = findPlaceholders(report.data.isbn, "any").length > 0;
  if (!placeholder && !isValidIsbn13(report.data.isbn)) {
    found.push(
      finding(
        "report/isbn",
        { file: source.file, ...source.locate(["isbn"]) },
        { isbn: report.data.isbn },
      ),
    );
  }
  if (report.data.signed.by.length === 0) {
    found.push(
      finding(
        "report/no-signatories",
        { file: source.file, ...source.locate(["signed", "by"]) },
        {},
      ),
    );
  }
  if (report.data.year !== data.year) {
    found.push(
      finding(
        "report/year-mismatch",
        { file: source.file, ...source.locate(["year"]) },
        { stated: report.data.year, folder: data.year },
      ),
    );
  }
  return found;
}
