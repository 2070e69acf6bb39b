import type { FindingArgs } from "../diagnostics/args.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import { parseAmount } from "../schema/amount.js";
import { HISTORY_COLUMNS } from "./columns.js";
import { streamCsv } from "./csv.js";
import type { DataFile } from "./files.js";
import { CappedFindings, LIMITS } from "./limits.js";

/** A year of the support line from before per-call data; undefined = not known (a gap, not 0). */
export interface HistoryYear {
  line: number;
  year: number;
  cases?: number;
  exposedPersons?: number;
  childMarriage?: number;
  abduction?: number;
  fgm?: number;
  note?: string;
}

const COUNT_FIELDS = [
  ["cases", "cases"],
  ["exposed_persons", "exposedPersons"],
  ["child_marriage", "childMarriage"],
  ["abduction", "abduction"],
  ["fgm", "fgm"],
] as const;

// long: a row's year, duplicate and count checks, each finding spelled out; one streamed pass
export async function loadHistory(
  file: DataFile,
): Promise<{ years: HistoryYear[]; diagnostics: Diagnostic[] }> {
  const years: HistoryYear[] = [];
  const rowDiagnostics = new CappedFindings();
  const seen = new Map<number, number>();
  let rows = 0;
  const result = await streamCsv(file, HISTORY_COLUMNS, (row) => {
    if (++rows > LIMITS.historyRows) {
      if (rows === LIMITS.historyRows + 1) rowDiagnostics.add(tooLong(file.rel, row.line));
      return;
    }
    const bad = <C extends DiagnosticCode>(column: string, code: C, args: FindingArgs[C]) =>
      rowDiagnostics.add(
        finding(code, { file: file.rel, line: row.line, column: row.columnOf(column) }, args),
      );
    const yearText = row.get("year").trim();
    if (!/^\d{4}$/.test(yearText)) {
      bad("year", "csv/invalid-value", { problem: "year", value: yearText });
      return;
    }
    const year = Number(yearText);
    const earlier = seen.get(year);
    if (earlier !== undefined) {
      bad("year", "history/duplicate-year", { year, first: earlier, second: row.line });
      return;
    }
    seen.set(year, row.line);
    const entry: HistoryYear = { line: row.line, year };
    for (const [column, key] of COUNT_FIELDS) {
      const text = row.get(column).trim();
      if (text === "") continue;
      const value = parseAmount(text);
      if (value === undefined || value < 0 || !Number.isInteger(value)) {
        bad(column, "csv/invalid-value", { problem: "count", value: text, column });
        continue;
      }
      entry[key] = value;
    }
    const note = row.get("note").trim();
    if (note) entry.note = note;
    years.push(entry);
  });
  return { years, diagnostics: [...result.diagnostics, ...rowDiagnostics.all()] };
}

function tooLong(file: string, line: number): Diagnostic {
  return finding("history/too-many-rows", { file, line, column: 1 }, { limit: LIMITS.historyRows });
}
