import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Sourced, YearData } from "../load/dataset.js";
import { COUNTIES, countyByCode, foldName } from "../schema/counties.js";
import type { CountyStatus } from "../schema/county-status.js";

type StatusReport = Sourced<CountyStatus>;

/** The first report year in which assignment A2025/01207 asks for every county without a centre. */
export const ALL_COUNTIES_LISTED_FROM = 2026;

const countyName = (code: string) => countyByCode(code)?.name ?? code;

function describe(report: CountyStatus): string {
  return report.operation
    ? `${report.operation} (${countyName(report.county)})`
    : countyName(report.county);
}

/** A status report with neither round nor phase is about a county without a centre. */
export function isWithoutCentre(report: CountyStatus): boolean {
  return report.round === undefined && report.phase === undefined;
}

/** One status report per operation; the county alone when the operation is not named. */
function duplicates(reports: readonly StatusReport[]): Diagnostic[] {
  const first = new Map<string, StatusReport>();
  const found: Diagnostic[] = [];
  for (const report of reports) {
    const key = `${report.data.county}\u0000${foldName(report.data.operation ?? "")}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, report);
      continue;
    }
    const { source } = report;
    found.push({
      severity: "error",
      code: "counties/duplicate-operation",
      message: `${earlier.source.file} and ${source.file} are both the status report of ${describe(report.data)}.`,
      file: source.file,
      ...source.locate(report.data.operation ? ["operation"] : ["county"]),
      hint: "Merge the two files, or name each operation under operation: when the county has two.",
    });
  }
  return found;
}

function periodAndOperation({ data: report, source }: StatusReport, year: number): Diagnostic[] {
  const found: Diagnostic[] = [];
  const period = report.period;
  if (period) {
    for (const end of ["from", "to"] as const) {
      if (Number(period[end].slice(0, 4)) === year) continue;
      found.push({
        severity: "error",
        code: "counties/period-outside-year",
        message: `The period ${end === "from" ? "starts" : "ends"} on ${period[end]}, outside the report year ${year}.`,
        file: source.file,
        ...source.locate(["period", end]),
        hint: `A status report covers part of ${year}: correct the date, or move the file to that year's folder.`,
      });
    }
    if (period.from > period.to) {
      found.push({
        severity: "error",
        code: "counties/period-reversed",
        message: `The period starts on ${period.from}, after it ends on ${period.to}.`,
        file: source.file,
        ...source.locate(["period", "from"]),
        hint: "Swap the dates, or correct the one that is wrong.",
      });
    }
  }
  const since = report.operational_since;
  const end = period ? period.to.slice(0, 7) : `${year}-12`;
  if (since !== undefined && since > end) {
    found.push({
      severity: "error",
      code: "counties/operational-after-period",
      message: `operational_since ${since} is after the end of the period reported on (${end}).`,
      file: source.file,
      ...source.locate(["operational_since"]),
      hint: "A status report can only say that support began within or before its period: correct the month, or remove it until then.",
    });
  }
  const gives = since !== undefined || (report.serves?.length ?? 0) > 0;
  if (report.phase === "orientering" && gives) {
    const what = [
      since !== undefined ? `operational_since ${since}` : "",
      report.serves?.length ? `serves: ${report.serves.join(", ")}` : "",
    ].filter(Boolean);
    found.push({
      severity: "warning",
      code: "counties/phase-suspicious",
      message: `Suspicious: the phase is orientering, but the status report gives operational support (${what.join("; ")}).`,
      file: source.file,
      ...source.locate(["phase"]),
      hint: "An operation that already supports people is usually in utveckling or genomförande: check the phase, or the operational facts.",
    });
  }
  return found;
}

function expectedEstablishment({ data: report, source }: StatusReport, year: number): Diagnostic[] {
  const found: Diagnostic[] = [];
  const expected = report.expected_established;
  if (isWithoutCentre(report) && expected === undefined) {
    found.push({
      severity: "error",
      code: "counties/expected-missing",
      message: `The status report of ${describe(report)} has neither round nor phase (no centre), but no expected_established.`,
      file: source.file,
      ...source.locate([]),
      hint: "Add expected_established: YYYY-MM (assignment A2025/01207), or the round and phase of its operation.",
    });
  }
  if (expected !== undefined && Number(expected.slice(0, 4)) < year) {
    found.push({
      severity: "warning",
      code: "counties/expected-in-past",
      message: `expected_established ${expected} lies before the report year ${year}.`,
      file: source.file,
      ...source.locate(["expected_established"]),
      hint: "Update the expected date, or, if the centre is established, add its round, phase and operational_since.",
    });
  }
  return found;
}

/** From 2026: every county without an operation appears with its expected establishment. */
function unlisted(data: YearData): Diagnostic[] {
  if (data.year < ALL_COUNTIES_LISTED_FROM) return [];
  const listed = new Set(data.counties.map((c) => c.data.county));
  return COUNTIES.filter((c) => !listed.has(c.code)).map((county) => ({
    severity: "warning",
    code: "counties/not-listed",
    message: `${county.name} has no status report: from ${ALL_COUNTIES_LISTED_FROM} the report lists every county without a centre with its expected establishment (A2025/01207).`,
    file: `${data.year}/counties`,
    line: 0,
    column: 0,
    hint: `Add counties/<name>.yaml with county: ${county.name} and expected_established: YYYY-MM.`,
  }));
}

/** Status reports (lägesbilder): one per operation, dates within the year, consistent facts. */
/** An operation's status report without its situation or plans: its heading would stand alone. */
function missingText({ data: report, source }: StatusReport): Diagnostic[] {
  if (isWithoutCentre(report)) return [];
  const missing = (key: "summary" | "plans", what: string, printed: string): Diagnostic => ({
    // Plans may be part of the summary (the published 2023 Skåne text): a note, not a warning.
    severity: key === "summary" ? "warning" : "info",
    code: key === "summary" ? "counties/missing-summary" : "counties/missing-plans",
    message: `The status report of ${describe(report)} has no ${key} (${what}).`,
    file: source.file,
    line: 0,
    column: 0,
    hint: `Add ${key}: with the operation's ${what}; until then the report ${printed}.`,
  });
  return [
    ...(report.summary === undefined
      ? [
          missing(
            "summary",
            "lägesbeskrivning",
            report.plans === undefined
              ? 'prints "Ingen lägesbeskrivning har lämnats." under its heading'
              : "shows only its plans",
          ),
        ]
      : []),
    ...(report.plans === undefined
      ? [missing("plans", "planer framåt", "shows no plans for it")]
      : []),
  ];
}

export function checkCounties(data: YearData): Diagnostic[] {
  return [
    ...duplicates(data.counties),
    ...data.counties.flatMap(missingText),
    ...data.counties.flatMap((r) => periodAndOperation(r, data.year)),
    ...data.counties.flatMap((r) => expectedEstablishment(r, data.year)),
    ...unlisted(data),
  ];
}
