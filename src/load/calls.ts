import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { quoted } from "../diagnostics/quote.js";
import { parseCount } from "../schema/amount.js";
import { DATE_HINT, parseIsoDate } from "../schema/calendar.js";
import { countyHint, matchCounty } from "../schema/counties.js";
import { PROVENANCE_STATUSES, type ProvenanceStatus } from "../schema/provenance.js";
import {
  EXPOSURES,
  type Exposure,
  lookup,
  ORGANISATIONS,
  type Organisation,
  vocabularyHint,
} from "../schema/vocabulary.js";
import { CallIdLines, ownCopy } from "./call-ids.js";
import { CALL_COLUMNS } from "./columns.js";
import { type CsvRow, streamCsv } from "./csv.js";
import type { DataFile } from "./files.js";
import { CappedFindings, LIMITS } from "./limits.js";

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
  /** Calls whose row says it is not published (the `provenance` column), by status. */
  unpublished?: Partial<Record<ProvenanceStatus, number>>;
}

/** A time after the date is allowed (exports of registers): it is cut off. */
const TIME = /[T ]\d{2}:\d{2}(?::\d{2})?$/;
const SPELLINGS_CACHED = 4096;

function zeroes<C extends string>(codes: readonly C[]): Record<C, number> {
  return Object.fromEntries(codes.map((c) => [c, 0])) as Record<C, number>;
}

/** Remembers what each spelling resolved to: a million rows repeat a few hundred spellings. */
function cached<T>(resolve: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const value = cache.get(text);
    if (value !== undefined || cache.has(text)) return value as T;
    const resolved = resolve(text);
    if (cache.size < SPELLINGS_CACHED) cache.set(ownCopy(text), resolved);
    return resolved;
  };
}

const parseDate = cached((text) => parseIsoDate(text.replace(TIME, "")));

const parseOrganisation = cached((text): Organisation | undefined =>
  text.trim() === "" ? "uppgift_saknas" : lookup(ORGANISATIONS, text),
);

const parseCounty = cached((text) =>
  text === "" || /^uppgift saknas$/i.test(text) ? "" : matchCounty(text).county?.code,
);

/** The summary of calls.csv, built one row at a time; every bad cell is a diagnostic. */
class CallRows {
  readonly summary: CallsSummary;
  readonly findings = new CappedFindings();
  private readonly ids = new CallIdLines();
  private readonly counts = EXPOSURES.codes.map(() => 0);

  constructor(
    private readonly file: string,
    private readonly year: number,
  ) {
    this.summary = {
      file,
      calls: 0,
      byOrganisation: zeroes(ORGANISATIONS.codes),
      byCounty: {},
      exposure: zeroes(EXPOSURES.codes),
      byMonth: Array.from({ length: 12 }, () => 0),
    };
  }

  add(row: CsvRow): void {
    const month = this.month(row);
    const organisation = this.organisation(row);
    const county = this.county(row);
    const counted = this.readCounts(row);
    this.checkId(row);
    const status = this.provenance(row);
    if (month === 0 || organisation === undefined || county === undefined || !counted) return;
    const { summary } = this;
    if (status) {
      const unpublished = summary.unpublished ?? {};
      unpublished[status] = (unpublished[status] ?? 0) + 1;
      summary.unpublished = unpublished;
    }
    summary.calls++;
    summary.byOrganisation[organisation]++;
    summary.byCounty[county] = (summary.byCounty[county] ?? 0) + 1;
    for (let i = 0; i < EXPOSURES.codes.length; i++) {
      summary.exposure[EXPOSURES.codes[i] as Exposure] += this.counts[i] ?? 0;
    }
    summary.byMonth[month - 1] = (summary.byMonth[month - 1] ?? 0) + 1;
  }

  private report(
    row: CsvRow,
    column: string,
    message: string,
    hint: string,
    code: Diagnostic["code"] = "csv/invalid-value",
  ): void {
    this.findings.add({
      severity: "error",
      code,
      message,
      file: this.file,
      line: row.line,
      column: row.columnOf(column),
      hint,
    });
  }

  /** The call's month (1–12), or 0 when the date is bad or outside the report year. */
  private month(row: CsvRow): number {
    const text = row.get("date").trim();
    const date = parseDate(text);
    if (!date) {
      this.report(row, "date", `${quoted(text)} is not a date in the calendar.`, DATE_HINT);
      return 0;
    }
    if (date.year !== this.year) {
      this.report(
        row,
        "date",
        `The call on ${text} is outside the report year ${this.year}.`,
        `Move the row to the data of ${text.slice(0, 4)}, or correct the date.`,
        "calls/date-outside-year",
      );
      return 0;
    }
    return date.month;
  }

  private organisation(row: CsvRow): Organisation | undefined {
    const text = row.get("organisation");
    const organisation = parseOrganisation(text);
    if (organisation === undefined) {
      const message = `${quoted(text)} is not an organisation type.`;
      this.report(row, "organisation", message, vocabularyHint(ORGANISATIONS), "vocab/unknown");
    }
    return organisation;
  }

  private county(row: CsvRow): string | undefined {
    const text = row.get("county").trim();
    const county = parseCounty(text);
    if (county === undefined) {
      this.report(
        row,
        "county",
        `${quoted(text)} is not a Swedish county.`,
        `${countyHint(matchCounty(text))} Leave the cell empty when the county is unknown.`,
        "county/unknown",
      );
    }
    return county;
  }

  /** Reads the exposure counts into `this.counts`; false when one is not a count. */
  private readCounts(row: CsvRow): boolean {
    let ok = true;
    for (let i = 0; i < EXPOSURES.codes.length; i++) {
      const exposure = EXPOSURES.codes[i] as Exposure;
      const text = row.get(exposure);
      // Most cells are empty: skip trimming and matching for them.
      const count = text === "" ? 0 : parseCount(text);
      if (count !== undefined && count > LIMITS.exposedPerCall) {
        const hint = `One call concerns at most ${LIMITS.exposedPerCall} exposed individuals; is the column right?`;
        this.report(
          row,
          exposure,
          `${text} exposed individuals in one call is more than any call concerns.`,
          hint,
        );
        ok = false;
      } else if (count === undefined) {
        const hint = "Write a whole number of 0 or more, or leave the cell empty for 0.";
        this.report(
          row,
          exposure,
          `${quoted(text)} in ${exposure} is not a count of people.`,
          hint,
        );
        ok = false;
      } else this.counts[i] = count;
    }
    return ok;
  }

  /** The row's status when it is not published (an empty cell is the file's own status). */
  private provenance(row: CsvRow): Exclude<ProvenanceStatus, "published"> | undefined {
    const text = row.get("provenance");
    if (text === "") return undefined;
    const status = PROVENANCE_STATUSES.find((s) => s === text.trim().toLowerCase());
    if (status === undefined) {
      const hint = `Write one of ${PROVENANCE_STATUSES.join(", ")}, or leave the cell empty.`;
      this.report(row, "provenance", `"${text}" is not a provenance status.`, hint);
    }
    return status === "published" ? undefined : status;
  }

  private checkId(row: CsvRow): void {
    const id = row.get("id").trim();
    if (id === "") return;
    const seen = this.ids.firstLine(id, row.line);
    if (seen === undefined) return;
    this.report(
      row,
      "id",
      `The call id ${quoted(id)} is used twice: on line ${seen} and line ${row.line}.`,
      "Give each call its own id.",
      "calls/duplicate-id",
    );
  }
}

/** Streams calls.csv into a summary, reporting every bad cell with its line and column. */
export async function loadCalls(
  file: DataFile,
  year: number,
): Promise<{ summary: CallsSummary | undefined; diagnostics: Diagnostic[] }> {
  const rows = new CallRows(file.rel, year);
  const result = await streamCsv(file, CALL_COLUMNS, (row) => rows.add(row));
  const diagnostics = [...result.diagnostics, ...rows.findings.all()];
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
  return { summary: result.readable ? rows.summary : undefined, diagnostics };
}
