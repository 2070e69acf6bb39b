import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import type { Sourced, YearData } from "../load/dataset.js";
import { financeRows, roundingTolerance } from "../model/for-checks.js";
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
      found.push(
        finding(
          "finance/sum-mismatch",
          { file: source.file, ...source.locate([...row.path, column]) },
          {
            label: row.label,
            column,
            stated,
            computed,
            difference,
            tolerance,
            unit,
            lines: row.leafCount[column],
          },
        ),
      );
    }
  }
  return found;
}

/** Sub-assignments (deluppdrag) spent above their ceiling (högst … kronor). */
function ceilingsExceeded(appropriation: Sourced<Appropriation>): Diagnostic[] {
  const { data, source } = appropriation;
  const found: Diagnostic[] = [];
  data.sub_assignments.forEach((sub, i) => {
    if (sub.spent === undefined || sub.spent <= sub.ceiling) return;
    const name = sub.id ? `${sub.id} (${sub.title})` : sub.title;
    found.push(
      finding(
        "finance/above-ceiling",
        { file: source.file, ...source.locate(["sub_assignments", i, "spent"]) },
        { subAssignment: name, spent: sub.spent, ceiling: sub.ceiling },
      ),
    );
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
