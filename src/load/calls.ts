import type { FindingArgs } from "../diagnostics/args.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import { parseCount } from "../schema/amount.js";
import { parseIsoDate } from "../schema/calendar.js";
import { countySuggestion, matchCounty } from "../schema/counties.js";
import { PROVENANCE_STATUSES, type ProvenanceStatus } from "../schema/provenance-statuses.js";
import {
  EXPOSURES,
  type Exposure,
  lookup,
  ORGANISATIONS,
  type Organisation,
  vocabularyChoices,
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

  private report<C extends DiagnosticCode>(
    row: CsvRow,
    column: string,
    code: C,
    args: FindingArgs[C],
  ): void {
    this.findings.add(
      finding(code, { file: this.file, line: row.line, column: row.columnOf(column) }, args),
    );
  }

  /** The call's month (1–12), or 0 when the date is bad or outside the report year. */
  private month(row: CsvRow): number {
    const text = row.get("date").trim();
    const date = parseDate(text);
    if (!date) {
      this.report(row, "date", "csv/invalid-value", { problem: "date", value: text });
      return 0;
    }
    if (date.year !== this.year) {
      this.report(row, "date", "calls/date-outside-year", { date: text, year: this.year });
      return 0;
    }
    return date.month;
  }

  private organisation(row: CsvRow): Organisation | undefined {
    const text = row.get("organisation");
    const organisation = parseOrganisation(text);
    if (organisation === undefined) {
      this.report(row, "organisation", "vocab/unknown", {
        value: text,
        vocabulary: "organisation type",
        known: vocabularyChoices(ORGANISATIONS),
        cell: true,
      });
    }
    return organisation;
  }

  private county(row: CsvRow): string | undefined {
    const text = row.get("county").trim();
    const county = parseCounty(text);
    if (county === undefined) {
      this.report(row, "county", "county/unknown", {
        context: "cell",
        value: text,
        ...countySuggestion(matchCounty(text)),
      });
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
        this.report(row, exposure, "csv/invalid-value", {
          problem: "too-many-people",
          value: text,
          limit: LIMITS.exposedPerCall,
        });
        ok = false;
      } else if (count === undefined) {
        this.report(row, exposure, "csv/invalid-value", {
          problem: "people",
          value: text,
          column: exposure,
        });
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
      this.report(row, "provenance", "csv/invalid-value", {
        problem: "provenance",
        value: text,
        known: [...PROVENANCE_STATUSES],
      });
    }
    return status === "published" ? undefined : status;
  }

  private checkId(row: CsvRow): void {
    const id = row.get("id").trim();
    if (id === "") return;
    const seen = this.ids.firstLine(id, row.line);
    if (seen === undefined) return;
    this.report(row, "id", "calls/duplicate-id", { id, first: seen, second: row.line });
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
    diagnostics.push(
      finding("calls/none", { file: file.rel, line: 1, column: 1 }, { file: file.rel }),
    );
  }
  return { summary: result.readable ? rows.summary : undefined, diagnostics };
}
