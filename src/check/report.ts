import type { Diagnostic } from "../diagnostics/diagnostic.js";
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
    found.push({
      severity: "error",
      code: "report/isbn",
      message: `"${report.data.isbn}" is not a valid ISBN-13 (wrong check digit or form).`,
      file: source.file,
      ...source.locate(["isbn"]),
      hint: "Copy the ISBN from the ISBN agency's assignment, e.g. 978-91-89819-08-5.",
    });
  }
  if (report.data.signed.by.length === 0) {
    found.push({
      severity: "error",
      code: "report/no-signatories",
      message: "The Förord has no signatories.",
      file: source.file,
      ...source.locate(["signed", "by"]),
      hint: "List who signs under signed.by, with name and title.",
    });
  }
  if (report.data.year !== data.year) {
    found.push({
      severity: "error",
      code: "report/year-mismatch",
      message: `report.yaml says year ${report.data.year} but lies in the folder ${data.year}.`,
      file: source.file,
      ...source.locate(["year"]),
      hint: `Set year: ${data.year}, or move the folder.`,
    });
  }
  return found;
}
