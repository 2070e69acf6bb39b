import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Sourced, YearData } from "../load/dataset.js";
import type { GrantPayment } from "../load/grants.js";
import { financeRows, formatSwedishInteger as n } from "../model/for-checks.js";
import { countyByCode, foldName } from "../schema/counties.js";
import type { CountyStatus } from "../schema/county-status.js";

const countyName = (code: string) => countyByCode(code)?.name ?? code;

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
      {
        severity: "warning",
        code: "grants/no-grants-line",
        message: `There ${payments.length === 1 ? "is 1 grant payment" : `are ${payments.length} grant payments`} in finance/grants.csv, but no line of the appropriation has role: grants to check them against.`,
        file: source.file,
        ...source.locate(["lines"]),
        hint: 'Mark the line for lämnade bidrag with "role: grants".',
      },
    ];
  }
  const factor = appropriation.data.unit === "tkr" ? 1000 : 1;
  const stated = (row.stated.outcome ?? row.outcome) * factor;
  const paid = toKronor(payments.reduce((sum, p) => sum + p.amount, 0));
  const difference = toKronor(paid - stated);
  // The line's own figure is rounded to its unit: half a unit either way is no difference.
  if (Math.abs(difference) <= 0.5 * factor) return [];
  return [
    {
      severity: "warning",
      code: "grants/total-mismatch",
      message:
        `The grants paid in finance/grants.csv add up to ${n(paid)} kr, but the appropriation's ` +
        `line "${row.label}" says ${n(stated)} kr: a difference of ${n(Math.abs(difference))} kr ` +
        `(${difference > 0 ? "more paid than booked" : "less paid than booked"}).`,
      file: source.file,
      ...source.locate([...row.path, "outcome"]),
      hint:
        "If the difference has a cause such as an accrual (periodisering) or a repayment, explain " +
        "it in the finance chapter; otherwise correct grants.csv or the appropriation line.",
    },
  ];
}

function paidOutsideYear(file: string, payments: GrantPayment[], year: number): Diagnostic[] {
  return payments
    .filter((p) => Number(p.paid.slice(0, 4)) !== year)
    .map((p) => ({
      severity: "error",
      code: "grants/paid-outside-year",
      message: `The payment of ${n(p.amount)} kr to ${p.recipient} on ${p.paid} is outside the report year ${year}.`,
      file,
      line: p.line,
      column: p.at.paid.column,
      hint: `Move the payment to the data of ${p.paid.slice(0, 4)}, or correct the date.`,
    }));
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
    const who = p.operation ? `${p.operation} (${countyName(p.county)})` : countyName(p.county);
    found.push({
      severity: "warning",
      code: "grants/no-status-report",
      message: `${who} received a grant (${n(p.amount)} kr, round ${p.round}) but has no status report in counties/.`,
      file,
      line: p.line,
      column: p.at.recipient.column,
      hint: `Add counties/<name>.yaml with county: ${countyName(p.county)}${p.operation ? ` and operation: ${p.operation}` : ""}.`,
    });
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
    const who = report.operation
      ? `${report.operation} (${countyName(report.county)})`
      : countyName(report.county);
    found.push({
      severity: "warning",
      code: "grants/no-payment",
      message: `${who} is in round ${report.round}, which received grants in ${year}, but finance/grants.csv has no payment to it.`,
      file: source.file,
      ...source.locate(["round"]),
      hint: "Add the payment to finance/grants.csv, or state why there is none under payment_note.",
    });
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
    {
      severity: "error",
      code: "grants/above-ceiling",
      message: `The grants paid in ${data.year}, ${n(paid)} kr, exceed the ceiling of ${n(sub.ceiling)} kr by ${n(paid - sub.ceiling)} kr.`,
      file: appropriation.source.file,
      ...appropriation.source.locate(["sub_assignments", index, "ceiling"]),
      hint: "Check grants.csv for payments booked twice or in the wrong year, and the ceiling against the regleringsbrev.",
    },
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
