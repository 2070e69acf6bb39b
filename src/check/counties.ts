import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import type { Sourced, YearData } from "../load/dataset.js";
import { COUNTIES, foldName } from "../schema/counties.js";
import type { CountyStatus } from "../schema/county-status.js";
import { isWithoutCentre } from "../schema/without-centre.js";
import { who } from "./who.js";

type StatusReport = Sourced<CountyStatus>;

/** The first report year in which assignment A2025/01207 asks for every county without a centre. */
export const ALL_COUNTIES_LISTED_FROM = 2026;

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
    found.push(
      finding(
        "counties/duplicate-operation",
        { file: source.file, ...source.locate(report.data.operation ? ["operation"] : ["county"]) },
        { ...who(report.data), files: [earlier.source.file, source.file] },
      ),
    );
  }
  return found;
}

function periodAndOperation({ data: report, source }: StatusReport, year: number): Diagnostic[] {
  const found: Diagnostic[] = [];
  const period = report.period;
  if (period) {
    for (const end of ["from", "to"] as const) {
      if (Number(period[end].slice(0, 4)) === year) continue;
      found.push(
        finding(
          "counties/period-outside-year",
          { file: source.file, ...source.locate(["period", end]) },
          { end, date: period[end], year },
        ),
      );
    }
    if (period.from > period.to) {
      found.push(
        finding(
          "counties/period-reversed",
          { file: source.file, ...source.locate(["period", "from"]) },
          { from: period.from, to: period.to },
        ),
      );
    }
  }
  const since = report.operational_since;
  const end = period ? period.to.slice(0, 7) : `${year}-12`;
  if (since !== undefined && since > end) {
    found.push(
      finding(
        "counties/operational-after-period",
        { file: source.file, ...source.locate(["operational_since"]) },
        { since, end },
      ),
    );
  }
  const gives = since !== undefined || (report.serves?.length ?? 0) > 0;
  if (report.phase === "orientering" && gives) {
    found.push(
      finding(
        "counties/phase-suspicious",
        { file: source.file, ...source.locate(["phase"]) },
        { ...(since !== undefined && { since }), serves: report.serves ?? [] },
      ),
    );
  }
  return found;
}

function expectedEstablishment({ data: report, source }: StatusReport, year: number): Diagnostic[] {
  const found: Diagnostic[] = [];
  const expected = report.expected_established;
  if (isWithoutCentre(report) && expected === undefined) {
    found.push(
      finding(
        "counties/expected-missing",
        { file: source.file, ...source.locate([]) },
        who(report),
      ),
    );
  }
  if (expected !== undefined && Number(expected.slice(0, 4)) < year) {
    found.push(
      finding(
        "counties/expected-in-past",
        { file: source.file, ...source.locate(["expected_established"]) },
        { expected, year },
      ),
    );
  }
  return found;
}

/** From 2026: every county without an operation appears with its expected establishment. */
function unlisted(data: YearData): Diagnostic[] {
  if (data.year < ALL_COUNTIES_LISTED_FROM) return [];
  const listed = new Set(data.counties.map((c) => c.data.county));
  return COUNTIES.filter((c) => !listed.has(c.code)).map((county) =>
    finding(
      "counties/not-listed",
      { file: `${data.year}/counties`, line: 0, column: 0 },
      { county: county.name, from: ALL_COUNTIES_LISTED_FROM },
    ),
  );
}

/** Status reports (lägesbilder): one per operation, dates within the year, consistent facts. */
/** An operation's status report without its situation or plans: its heading would stand alone. */
function missingText({ data: report, source }: StatusReport): Diagnostic[] {
  if (isWithoutCentre(report)) return [];
  const place = { file: source.file, line: 0, column: 0 };
  // Plans may be part of the summary (the published 2023 Skåne text): a note, not a warning.
  return [
    ...(report.summary === undefined
      ? [
          finding("counties/missing-summary", place, {
            ...who(report),
            hasPlans: report.plans !== undefined,
          }),
        ]
      : []),
    ...(report.plans === undefined ? [finding("counties/missing-plans", place, who(report))] : []),
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
