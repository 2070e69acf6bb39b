// Limits on what a year's data may hold, each far beyond any real report and low enough that the
// largest data they allow still builds in well under 1 GB (measured by `npm run bench`: worst
// case). Data beyond a limit is a located error, never read into memory whole.
import { statSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding, summaryOf } from "../diagnostics/finding.js";
import type { DataFile } from "./files.js";

export const LIMITS = {
  /** grants.csv rows: 21 counties × a few payments a year (2023: 10 rows). */
  grantPayments: 200,
  /** Status reports in counties/: 21 counties, a few operations each (2025: 22 files). */
  statusReports: 50,
  /** history/support-line.csv rows: one per year (2014–2022 today). */
  historyRows: 100,
  /** Characters in one line of a chapter or YAML file: the longest real paragraph has ~1 000. */
  lineLength: 10_000,
  /** Bytes of the year's YAML files and chapters together: 2023 has ~75 KB (about 40 pages). */
  yearText: 256 * 1024,
  /** Exposed individuals registered in one call (real calls: 1 to a handful). */
  exposedPerCall: 1_000,
  /** Findings of one code in one file before the rest are summed up in one line. */
  findingsPerCode: 100,
} as const;

/**
 * Findings kept per file and code up to LIMITS.findingsPerCode; the rest are counted and summed
 * up in one finding of the same code and severity, so a million bad rows take no memory.
 */
export class CappedFindings {
  private readonly kept: Diagnostic[] = [];
  private readonly counts = new Map<string, { first: Diagnostic; count: number }>();

  add(finding: Diagnostic): void {
    const key = `${finding.file}\n${finding.code}`;
    const seen = this.counts.get(key);
    if (!seen) this.counts.set(key, { first: finding, count: 1 });
    else seen.count++;
    if ((seen?.count ?? 1) <= LIMITS.findingsPerCode) this.kept.push(finding);
  }

  /** The kept findings and, per file and code beyond the limit, one that counts the rest. */
  all(): Diagnostic[] {
    const summaries: Diagnostic[] = [];
    for (const { first, count } of this.counts.values()) {
      if (count <= LIMITS.findingsPerCode) continue;
      const more = count - LIMITS.findingsPerCode;
      summaries.push(summaryOf(first, { summary: "more-in-file", more, total: count }));
    }
    return [...this.kept, ...summaries];
  }
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** The first line longer than LIMITS.lineLength (LF, CRLF or CR ends), as a finding. */
export function longLine(file: DataFile, text: string): Diagnostic | undefined {
  let start = 0;
  for (let line = 1; start < text.length; line++) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    if (end - start > LIMITS.lineLength)
      return longLineFinding(file.rel, line, end - start, "text");
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return undefined;
}

/** `text/line-too-long` at the first character past the limit; `length` when it is known. */
export function longLineFinding(
  file: string,
  line: number,
  length: number | undefined,
  kind: "text" | "CSV",
): Diagnostic {
  return finding(
    "text/line-too-long",
    { file, line, column: LIMITS.lineLength + 1 },
    {
      line,
      ...(length !== undefined && { length }),
      limit: LIMITS.lineLength,
      csv: kind === "CSV",
    },
  );
}

/**
 * The year's YAML files and chapters share LIMITS.yearText, taken in a fixed order (report.yaml,
 * themes, finance, status reports, then the chapters in report order). The file that goes over
 * gets the finding; it and every file after it are not read.
 */
export class TextBudget {
  private used = 0;
  private over = false;

  admit(file: DataFile, diagnostics: Diagnostic[]): boolean {
    if (this.over) return false;
    let size = 0;
    try {
      size = statSync(file.abs).size;
    } catch {
      // A missing file is reported by whoever reads it.
    }
    this.used += size;
    if (this.used <= LIMITS.yearText) return true;
    this.over = true;
    diagnostics.push(
      finding(
        "text/year-too-large",
        { file: file.rel, line: 0, column: 0 },
        { used: kb(this.used), limit: kb(LIMITS.yearText) },
      ),
    );
    return false;
  }
}
