import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import type { Sourced, YearData } from "../load/dataset.js";
import type { GrantPayment } from "../load/grants.js";
import { financeRows } from "../model/for-checks.js";
import { foldName } from "../schema/counties.js";
import type { CountyStatus } from "../schema/county-status.js";
import { who } from "./who.js";

/** Kronor are booked with öre: sums are compared to the öre, then rounded. */
const toKronor = (amount: number) => Math.round(amount * 100) / 100;

/** A payment belongs to a status report: same county, and the same operation when it names one. */
function paidTo(payment: GrantPayment, report: CountyStatus): boolean {
  if (payment.county !== report.county) return false;
  if (payment.operation === undefined || report.operation === undefined) return true;
  return foldName(payment.operation) === foldName(report.operation);
}

/** grants.csv's total against the appropriation's line with role: grants. */
function totalAgainstAppropriation(data: YearData, payments: GrantPayment[]): Diagnostic[] {
  const appropriation = data.appropriation;
  if (!appropriation || payments.length === 0) return [];
  const { source } = appropriation;
  const row = financeRows(appropriation.data.lines).find((r) => r.role === "grants");
  if (!row) {
    return [
      finding(
        "grants/no-grants-line",
        { file: source.file, ...source.locate(["lines"]) },
        { payments: payments.length },
      ),
    ];
  }
  const factor = appropriation.data.unit === "tkr" ? 1000 : 1;
  const stated = (row.stated.outcome ?? row.outcome) * factor;
  const paid = toKronor(payments.reduce((sum, p) => sum + p.amount, 0));
  const difference = toKronor(paid - stated);
  // The line's own figure is rounded to its unit: half a unit either way is no difference.
  if (Math.abs(difference) <= 0.5 * factor) return [];
  return [
    finding(
      "grants/total-mismatch",
      { file: source.file, ...source.locate([...row.path, "outcome"]) },
      { paid, stated, difference, label: row.label },
    ),
  ];
}

function paidOutsideYear(file: string, payments: GrantPayment[], year: number): Diagnostic[] {
  return payments
    .filter((p) => Number(p.paid.slice(0, 4)) !== year)
    .map((p) =>
      finding(
        "grants/paid-outside-year",
        { file, line: p.line, column: p.at.paid.column },
        { amount: p.amount, recipient: p.recipient, paid: p.paid, year },
      ),
    );
}

/** Each funded county (and operation, when the payment names one) has a status report. */
function fundedWithoutReport(
  file: string,
  payments: GrantPayment[],
  counties: Sourced<CountyStatus>[],
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const p of payments) {
    const key = `${p.county}\u0000${foldName(p.operation ?? "")}`;
    if (reported.has(key) || counties.some((c) => paidTo(p, c.data))) continue;
    reported.add(key);
    found.push(
      finding(
        "grants/no-status-report",
        { file, line: p.line, column: p.at.recipient.column },
        { ...who(p), amount: p.amount, round: p.round },
      ),
    );
  }
  return found;
}

/** Each status report of a round that received payments has a payment, or says why not. */
function reportsWithoutPayment(
  payments: GrantPayment[],
  counties: Sourced<CountyStatus>[],
  year: number,
): Diagnostic[] {
  const fundedRounds = new Set(payments.map((p) => p.round));
  const found: Diagnostic[] = [];
  for (const { data: report, source } of counties) {
    if (report.round === undefined || !fundedRounds.has(report.round)) continue;
    if (report.payment_note !== undefined) continue;
    if (payments.some((p) => p.round === report.round && paidTo(p, report))) continue;
    found.push(
      finding(
        "grants/no-payment",
        { file: source.file, ...source.locate(["round"]) },
        { ...who(report), round: report.round, year },
      ),
    );
  }
  return found;
}

/** The year's grants within the frame of the sub-assignment with grants: true. */
function aboveCeiling(data: YearData, payments: GrantPayment[]): Diagnostic[] {
  const appropriation = data.appropriation;
  if (!appropriation) return [];
  const index = appropriation.data.sub_assignments.findIndex((s) => s.grants);
  const sub = appropriation.data.sub_assignments[index];
  if (!sub) return [];
  const paid = toKronor(payments.reduce((sum, p) => sum + p.amount, 0));
  if (paid <= sub.ceiling) return [];
  return [
    finding(
      "grants/above-ceiling",
      {
        file: appropriation.source.file,
        ...appropriation.source.locate(["sub_assignments", index, "ceiling"]),
      },
      { year: data.year, paid, ceiling: sub.ceiling },
    ),
  ];
}

/** Lämnade bidrag: grants.csv against the appropriation, the year, and the status reports. */
export function checkGrants(data: YearData): Diagnostic[] {
  if (!data.grants) return [];
  const { file, payments } = data.grants;
  return [
    ...totalAgainstAppropriation(data, payments),
    ...paidOutsideYear(file, payments, data.year),
    ...fundedWithoutReport(file, payments, data.counties),
    ...reportsWithoutPayment(payments, data.counties, data.year),
    ...aboveCeiling(data, payments),
  ];
}
