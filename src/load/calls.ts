import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { countyHint, matchCounty } from "../schema/counties.js";
import {
  EXPOSURES,
  type Exposure,
  lookup,
  ORGANISATIONS,
  type Organisation,
  vocabularyHint,
} from "../schema/vocabulary.js";
import { parseCount } from "./amount.js";
import { type CsvColumn, type CsvRow, streamCsv } from "./csv.js";
import type { DataFile } from "./files.js";

export const CALL_COLUMNS: readonly CsvColumn[] = [
  { name: "date", required: true },
  { name: "organisation", required: true },
  { name: "county", required: true },
  { name: "child_marriage", required: true },
  { name: "abduction", required: true },
  { name: "fgm", required: true },
  { name: "id", required: false },
];

/** The support line's year, aggregated while streaming: no row is kept. */
export interface CallsSummary {
  file: string;
  calls: number;
  byOrganisation: Record<Organisation, number>;
  /** SCB code → calls; "" = county unknown (uppgift saknas). */
  byCounty: Record<string, number>;
  /** Exposed individuals per type of exposure. */
  exposure: Record<Exposure, number>;
  /** Calls per month, January = index 0. */
  byMonth: number[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function zeroes<C extends string>(codes: readonly C[]): Record<C, number> {
  return Object.fromEntries(codes.map((c) => [c, 0])) as Record<C, number>;
}

/** Streams calls.csv into a summary, reporting every bad cell with its line and column. */
export async function loadCalls(
  file: DataFile,
  year: number,
): Promise<{ summary: CallsSummary | undefined; diagnostics: Diagnostic[] }> {
  const summary: CallsSummary = {
    file: file.rel,
    calls: 0,
    byOrganisation: zeroes(ORGANISATIONS.codes),
    byCounty: {},
    exposure: zeroes(EXPOSURES.codes),
    byMonth: Array.from({ length: 12 }, () => 0),
  };
  const diagnostics: Diagnostic[] = [];
  const idLines = new Map<string, number>();
  // Excel repeats the same few spellings: cache what each spelling resolved to.
  const organisationCache = new Map<string, Organisation | undefined>();
  const countyCache = new Map<string, string | undefined>();

  const report = (
    row: CsvRow,
    column: string,
    message: string,
    hint: string,
    code: Diagnostic["code"] = "csv/invalid-value",
    severity: Diagnostic["severity"] = "error",
  ) =>
    diagnostics.push({
      severity,
      code,
      message,
      file: file.rel,
      line: row.line,
      column: row.columnOf(column),
      hint,
    });

  const onRow = (row: CsvRow) => {
    let ok = true;
    const date = row.get("date").trim();
    const match = DATE.exec(date);
    const month = match ? Number(match[2]) : 0;
    if (!match || !isCalendarDate(Number(match[1]), month, Number(match[3]))) {
      report(
        row,
        "date",
        `"${date}" is not a date.`,
        "Write the date as YYYY-MM-DD, for example 2023-03-14.",
      );
      ok = false;
    } else if (Number(match[1]) !== year) {
      report(
        row,
        "date",
        `The call on ${date} is outside the report year ${year}.`,
        `Move the row to the data of ${match[1]}, or correct the date.`,
        "calls/date-outside-year",
      );
      ok = false;
    }

    const organisationText = row.get("organisation");
    let organisation = organisationCache.get(organisationText);
    if (!organisationCache.has(organisationText)) {
      organisation =
        organisationText.trim() === "" ? "uppgift_saknas" : lookup(ORGANISATIONS, organisationText);
      organisationCache.set(organisationText, organisation);
    }
    if (organisation === undefined) {
      report(
        row,
        "organisation",
        `"${organisationText}" is not an organisation type.`,
        vocabularyHint(ORGANISATIONS),
        "vocab/unknown",
      );
      ok = false;
    }

    const countyText = row.get("county").trim();
    let county = countyCache.get(countyText);
    if (!countyCache.has(countyText)) {
      county =
        countyText === "" || /^uppgift saknas$/i.test(countyText)
          ? ""
          : matchCounty(countyText).county?.code;
      countyCache.set(countyText, county);
    }
    if (county === undefined) {
      report(
        row,
        "county",
        `"${countyText}" is not a Swedish county.`,
        `${countyHint(matchCounty(countyText))} Leave the cell empty when the county is unknown.`,
        "county/unknown",
      );
      ok = false;
    }

    const counts = {} as Record<Exposure, number>;
    for (const exposure of EXPOSURES.codes) {
      const text = row.get(exposure);
      const count = parseCount(text);
      if (count === undefined) {
        report(
          row,
          exposure,
          `"${text}" in ${exposure} is not a count of people.`,
          "Write a whole number of 0 or more, or leave the cell empty for 0.",
        );
        ok = false;
      } else counts[exposure] = count;
    }

    const id = row.get("id").trim();
    if (id !== "") {
      const seen = idLines.get(id);
      if (seen !== undefined) {
        report(
          row,
          "id",
          `The call id "${id}" is used twice: on line ${seen} and line ${row.line}.`,
          "Give each call its own id.",
          "calls/duplicate-id",
        );
      } else idLines.set(id, row.line);
    }

    if (!ok || organisation === undefined || county === undefined) return;
    summary.calls++;
    summary.byOrganisation[organisation]++;
    summary.byCounty[county] = (summary.byCounty[county] ?? 0) + 1;
    for (const exposure of EXPOSURES.codes) summary.exposure[exposure] += counts[exposure];
    summary.byMonth[month - 1] = (summary.byMonth[month - 1] ?? 0) + 1;
  };

  const result = await streamCsv(file, CALL_COLUMNS, onRow);
  diagnostics.unshift(...result.diagnostics);
  if (result.readable && result.rows === 0) {
    diagnostics.push({
      severity: "warning",
      code: "calls/none",
      message: `${file.rel} has a header but no calls registered.`,
      file: file.rel,
      line: 1,
      column: 1,
      hint: "Add one row per registered call, or remove the file if the year has no call data.",
    });
  }
  return { summary: result.readable ? summary : undefined, diagnostics };
}
