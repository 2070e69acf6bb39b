import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Sourced, YearData } from "../load/dataset.js";
import {
  type FinanceRow,
  financeRows,
  formatSwedishInteger as n,
  roundingTolerance,
  type Totals,
} from "../model/for-checks.js";
import type { Appropriation, IncomeStatement } from "../schema/finance.js";

/** A stated total that differs from the sum of its lines by more than rounding explains. */
function sumMismatches(statement: Sourced<IncomeStatement | Appropriation>): Diagnostic[] {
  const { data, source } = statement;
  const unit = data.unit;
  const found: Diagnostic[] = [];
  for (const row of financeRows(data.lines)) {
    if (!row.isSum) continue;
    for (const column of ["outcome", "forecast"] as const) {
      const stated = row.stated[column];
      if (stated === undefined) continue;
      const computed = row[column];
      const difference = stated - computed;
      const tolerance = roundingTolerance(row.leafCount[column]);
      if (Math.abs(difference) <= tolerance) continue;
      found.push({
        severity: "error",
        code: "finance/sum-mismatch",
        message:
          `"${row.label}": the stated ${column} ${n(stated)} ${unit} is not the sum of its ` +
          `lines, ${n(computed)} ${unit} (difference ${n(difference)} ${unit}; rounding explains ` +
          `at most ${tolerance.toLocaleString("sv-SE")} ${unit}).`,
        file: source.file,
        ...source.locate([...row.path, column]),
        hint: mismatchHint(row, column),
      });
    }
  }
  return found;
}

function mismatchHint(row: FinanceRow, column: keyof Totals): string {
  return (
    `Correct the ${column} of "${row.label}" or one of the ${row.leafCount[column]} figures it adds up, ` +
    `or remove the stated ${column} and let the tool compute it.`
  );
}

/** Sub-assignments (deluppdrag) spent above their ceiling (högst … kronor). */
function ceilingsExceeded(appropriation: Sourced<Appropriation>): Diagnostic[] {
  const { data, source } = appropriation;
  const found: Diagnostic[] = [];
  data.sub_assignments.forEach((sub, i) => {
    if (sub.spent === undefined || sub.spent <= sub.ceiling) return;
    const name = sub.id ? `${sub.id} (${sub.title})` : sub.title;
    found.push({
      severity: "error",
      code: "finance/above-ceiling",
      message:
        `The sub-assignment ${name} spent ${n(sub.spent)} kr, ${n(sub.spent - sub.ceiling)} kr ` +
        `more than its ceiling of ${n(sub.ceiling)} kr.`,
      file: source.file,
      ...source.locate(["sub_assignments", i, "spent"]),
      hint: "Check the amount spent against the ledger; spending above the ceiling needs the government's approval.",
    });
  });
  return found;
}

/** Finance arithmetic: stated totals against computed sums, spending against ceilings. */
export function checkFinance(data: YearData): Diagnostic[] {
  return [
    ...(data.incomeStatement ? sumMismatches(data.incomeStatement) : []),
    ...(data.appropriation ? sumMismatches(data.appropriation) : []),
    ...(data.appropriation ? ceilingsExceeded(data.appropriation) : []),
  ];
}
