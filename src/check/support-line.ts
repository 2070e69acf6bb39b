import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CheckTexts } from "../load/check-inputs.js";
import type { YearData } from "../load/dataset.js";
import { suppressedCells } from "../model/for-checks.js";

const TABLE_NAME = {
  county: "calls per county",
  organisation: "calls per organisation",
  exposure: "exposed persons per type of exposure",
} as const;

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
    {
      severity: "info",
      code: "support-line/gap",
      message: `The support-line series ${first}–${data.year} has gaps: ${missing
        .map((y) => `${y} saknar uppgift${rowWithoutCases.has(y) ? " (raden saknar cases)" : ""}`)
        .join(", ")}. The chart shows them as gaps, not as zero.`,
      file: history.file,
      line: 1,
      column: 1,
      hint: "Add the number of cases for these years to history/support-line.csv if it is known.",
    },
  ];
}

/** History rows after the report year: figures from the future, or a mistyped year. */
function historyAfterYear(data: YearData): Diagnostic[] {
  const history = data.history;
  if (!history) return [];
  return history.years
    .filter((y) => y.year > data.year)
    .map((y) => ({
      severity: "warning",
      code: "support-line/history-after-year",
      message: `history/support-line.csv has a row for ${y.year}, after the report year ${data.year}; it is left out of the ${data.year} report.`,
      file: history.file,
      line: y.line,
      column: 1,
      hint: "Check the year; the history holds only years before per-call data.",
    }));
}

/** Published cells from 1 to options.disclosure.min_count: the build shows them as "–". */
function smallCounts(data: YearData): Diagnostic[] {
  const minCount = data.report?.data.options.disclosure?.min_count;
  if (minCount === undefined || !data.calls) return [];
  const file = data.calls.file;
  return suppressedCells(data.calls, minCount).map((cell) => ({
    severity: "info",
    code: "support-line/small-count",
    message: `${TABLE_NAME[cell.table]}: "${cell.label}" has ${cell.count}, at most min_count ${minCount}; it is published as "–".`,
    file,
    line: 0,
    column: 0,
    hint: "Nothing to do: small-number suppression protects callers; lower min_count in report.yaml to publish it.",
  }));
}

/** The support line's series and published cells. */
export async function checkSupportLine(data: YearData, inputs: CheckTexts): Promise<Diagnostic[]> {
  return [...(await gaps(data, inputs)), ...historyAfterYear(data), ...smallCounts(data)];
}
