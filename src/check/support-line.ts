import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import type { CheckTexts } from "../load/check-inputs.js";
import type { YearData } from "../load/dataset.js";
import { suppressedCells } from "../model/for-checks.js";

/** Years from the first history year to the report year with no case count: gaps in the series. */
async function gaps(data: YearData, inputs: CheckTexts): Promise<Diagnostic[]> {
  const history = data.history;
  if (!history || history.years.length === 0) return [];
  const first = Math.min(...history.years.map((y) => y.year));
  const counted = new Set(history.years.filter((y) => y.cases !== undefined).map((y) => y.year));
  if (data.calls) counted.add(data.year);
  const missing: number[] = [];
  for (let year = first; year <= data.year; year++) {
    if (counted.has(year)) continue;
    // A year with its own calls.csv wins over the history row.
    if (year !== data.year && (await inputs.hasCallsFile(year))) continue;
    missing.push(year);
  }
  if (missing.length === 0) return [];
  const rowWithoutCases = new Set(history.years.map((y) => y.year));
  return [
    finding(
      "support-line/gap",
      { file: history.file, line: 1, column: 1 },
      {
        first,
        year: data.year,
        missing,
        rowsWithoutCases: missing.filter((y) => rowWithoutCases.has(y)),
      },
    ),
  ];
}

/** History rows after the report year: figures from the future, or a mistyped year. */
function historyAfterYear(data: YearData): Diagnostic[] {
  const history = data.history;
  if (!history) return [];
  return history.years
    .filter((y) => y.year > data.year)
    .map((y) =>
      finding(
        "support-line/history-after-year",
        { file: history.file, line: y.line, column: 1 },
        { row: y.year, year: data.year },
      ),
    );
}

/** Published cells from 1 to options.disclosure.min_count: the build shows them as "–". */
function smallCounts(data: YearData): Diagnostic[] {
  const minCount = data.report?.data.options.disclosure?.min_count;
  if (minCount === undefined || !data.calls) return [];
  const file = data.calls.file;
  return suppressedCells(data.calls, minCount).map((cell) =>
    finding(
      "support-line/small-count",
      { file, line: 0, column: 0 },
      { table: cell.table, label: cell.label, count: cell.count, minCount },
    ),
  );
}

/** The support line's series and published cells. */
export async function checkSupportLine(data: YearData, inputs: CheckTexts): Promise<Diagnostic[]> {
  return [...(await gaps(data, inputs)), ...historyAfterYear(data), ...smallCounts(data)];
}
