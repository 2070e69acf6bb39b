import type { GrantPayment } from "../load/grants.js";
import type { Appropriation, IncomeStatement } from "../schema/finance.js";
import { deviationOf, type FinanceRow, financeRows } from "./finance.js";
import { formatSwedishDate } from "./format.js";
import { type CountyNames, countyNamesByCode, oneLine } from "./operations.js";

/** One row of resultaträkning or anslagsredovisning as the report shows it. */
export interface StatementRow {
  label: string;
  depth: number;
  isSum: boolean;
  /** Shown outcome and forecast in the display unit: a sum shows its stated total where stated. */
  outcome: number;
  forecast: number;
  /** forecast − outcome of the shown figures, so that every row adds up as printed. */
  deviation: number;
  deviationPercent: number | null;
  utilisation: number | null;
  /** Whether the report prints deviation % and upparbetningsgrad on this row. */
  showDeviationPercent: boolean;
  showUtilisation: boolean;
  /** The sum of the parts (display unit), and whether it differs from the stated total shown. */
  computedOutcome: number;
  computedForecast: number;
  differsFromParts: boolean;
  /** The outcome in kronor (tkr × 1000), for prose such as "2 028 000 kronor". */
  outcomeKronor: number;
  forecastKronor: number;
}

export interface StatementModel {
  title: string;
  /** The unit the table shows. */
  unit: "tkr" | "kr";
  outcomeLabel: string;
  forecastLabel: string;
  rows: StatementRow[];
  /** Rows by label (the first of equal labels): `line.[Konsulttjänster/arvoden].outcome`. */
  line: Record<string, StatementRow>;
  /** The first top line: Utfall (resultaträkning) or Kostnader (anslagsredovisning). */
  top: StatementRow | null;
  /** "Belopp i tkr, avrundade …" when kronor were rounded to tkr for the table; else null. */
  roundingNote: string | null;
  /** The sums of leaf lines below the top (Lönekostnader totalt, Driftskostnader): the cost chart. */
  costGroups: StatementRow[];
  /** The lines of Driftskostnader (or of the last cost group): the chart of other operating costs. */
  operatingCosts: StatementRow[];
}

/** Children of row i: the rows one level deeper until the next row at its depth or above. */
function childrenOf(rows: readonly FinanceRow[], i: number): FinanceRow[] {
  const parent = rows[i] as FinanceRow;
  const children: FinanceRow[] = [];
  for (let j = i + 1; j < rows.length; j++) {
    const row = rows[j] as FinanceRow;
    if (row.depth <= parent.depth) break;
    if (row.depth === parent.depth + 1) children.push(row);
  }
  return children;
}

function statementRows(
  rows: readonly FinanceRow[],
  scale: number,
  kronorPerUnit: number,
): StatementRow[] {
  return rows.map((row, i) => {
    const outcome = (row.stated.outcome ?? row.outcome) / scale;
    const forecast = (row.stated.forecast ?? row.forecast) / scale;
    const { deviation, deviationPercent, utilisation } = deviationOf(outcome, forecast);
    // As the published report: upparbetningsgrad on the top line; deviation % and
    // upparbetningsgrad on each sum of leaf lines (Lönekostnader totalt, Driftskostnader).
    const groupOfLeaves = row.isSum && childrenOf(rows, i).every((c) => !c.isSum);
    const computedOutcome = row.outcome / scale;
    const computedForecast = row.forecast / scale;
    return {
      label: oneLine(row.label),
      depth: row.depth,
      isSum: row.isSum,
      outcome,
      forecast,
      deviation,
      deviationPercent: deviationPercent ?? null,
      utilisation: utilisation ?? null,
      showDeviationPercent: groupOfLeaves && row.depth > 0 && deviationPercent !== undefined,
      showUtilisation: (row.depth === 0 || groupOfLeaves) && utilisation !== undefined,
      computedOutcome,
      computedForecast,
      differsFromParts: computedOutcome !== outcome || computedForecast !== forecast,
      outcomeKronor: outcome * kronorPerUnit,
      forecastKronor: forecast * kronorPerUnit,
    };
  });
}

/** Cost groups and the operating-cost lines, for the charts under the resultaträkning. */
function costBreakdown(rows: readonly StatementRow[]) {
  const groups = rows.filter((r) => r.showDeviationPercent);
  const operating =
    groups.find((g) => /^driftskostnader$/i.test(g.label)) ?? groups[groups.length - 1];
  if (!operating) return { costGroups: groups, operatingCosts: [] };
  const start = rows.indexOf(operating);
  const lines: StatementRow[] = [];
  for (const row of rows.slice(start + 1)) {
    if (row.depth <= operating.depth) break;
    if (row.depth === operating.depth + 1) lines.push(row);
  }
  return { costGroups: groups, operatingCosts: lines };
}

function byLabel(rows: readonly StatementRow[]): Record<string, StatementRow> {
  const line: Record<string, StatementRow> = {};
  for (const row of rows) if (!Object.hasOwn(line, row.label)) line[row.label] = row;
  return line;
}

/** Resultaträkning, always shown in tkr (kronor are rounded to tkr once, with a note). */
export function incomeStatementOf(statement: IncomeStatement, year: number): StatementModel {
  const inKronor = statement.unit === "kr";
  const rows = statementRows(financeRows(statement.lines), inKronor ? 1000 : 1, 1000);
  return {
    title: oneLine(statement.title),
    unit: "tkr",
    outcomeLabel: oneLine(statement.outcome_label ?? `Utfall ${year}`),
    forecastLabel: oneLine(statement.forecast_label ?? `Prognos helår ${year}`),
    rows,
    line: byLabel(rows),
    top: rows[0] ?? null,
    roundingNote: inKronor
      ? "Beloppen är avrundade till tkr; summor kan därför avvika med någon tkr från summan av delarna."
      : null,
    ...costBreakdown(rows),
  };
}

export interface SubAssignmentModel {
  id: string | null;
  title: string;
  /** "Titel (A2021/01029)" — the bold heading the report prints. */
  heading: string;
  ceiling: number;
  spent: number | null;
  /** spent / ceiling. */
  spentShare: number | null;
  remaining: number | null;
  /** The assignment whose money is paid out as the grants (lämnade bidrag). */
  grants: boolean;
}

export interface AppropriationModel extends StatementModel {
  /** "Totalsumma": the top lines once more at the foot of the table, as published. */
  total: { outcome: number; forecast: number };
  subAssignments: SubAssignmentModel[];
  /** The sub-assignment with grants: true, or null. */
  grantsAssignment: SubAssignmentModel | null;
  /** The line with role: grants, or null. */
  grantsLine: StatementRow | null;
}

export function appropriationOf(appropriation: Appropriation): AppropriationModel {
  const financeRowList = financeRows(appropriation.lines);
  const scale = 1;
  const kronorPerUnit = appropriation.unit === "tkr" ? 1000 : 1;
  const rows = statementRows(financeRowList, scale, kronorPerUnit);
  const grantsIndex = financeRowList.findIndex((r) => r.role === "grants");
  const topRows = rows.filter((r) => r.depth === 0);
  const subAssignments = appropriation.sub_assignments.map((sub): SubAssignmentModel => {
    const title = oneLine(sub.title);
    return {
      id: sub.id ?? null,
      title,
      heading: sub.id ? `${title} (${sub.id})` : title,
      ceiling: sub.ceiling,
      spent: sub.spent ?? null,
      spentShare: sub.spent === undefined || sub.ceiling === 0 ? null : sub.spent / sub.ceiling,
      remaining: sub.spent === undefined ? null : sub.ceiling - sub.spent,
      grants: sub.grants,
    };
  });
  return {
    title: oneLine(appropriation.title),
    unit: appropriation.unit,
    outcomeLabel: oneLine(appropriation.outcome_label ?? "Utfall"),
    forecastLabel: oneLine(appropriation.forecast_label ?? "Prognos"),
    rows,
    line: byLabel(rows),
    top: rows[0] ?? null,
    roundingNote: null,
    costGroups: [],
    operatingCosts: [],
    total: {
      outcome: topRows.reduce((sum, r) => sum + r.outcome, 0),
      forecast: topRows.reduce((sum, r) => sum + r.forecast, 0),
    },
    subAssignments,
    grantsAssignment: subAssignments.find((s) => s.grants) ?? null,
    grantsLine: grantsIndex === -1 ? null : (rows[grantsIndex] ?? null),
  };
}

export interface GrantModel {
  amount: number;
  round: number;
  /** "Grupp 3", as the finance system and the published table write it. */
  roundLabel: string;
  /** As the finance system wrote it: "Länsstyrelsen i Uppsala Län". */
  recipient: string;
  county: CountyNames;
  operation: string | null;
  paid: string;
  paidText: string;
}

export interface GrantsModel {
  payments: GrantModel[];
  total: number;
  count: number;
  /** Counties that received a payment, each once, in payment order. */
  counties: string[];
  /** The appropriation's grants line (outcome) and the difference total − line, when there is one. */
  appropriationLine: number | null;
  differenceFromAppropriation: number | null;
}

export function grantsOf(
  payments: readonly GrantPayment[],
  appropriation: AppropriationModel | null,
): GrantsModel {
  const total = payments.reduce((sum, p) => sum + p.amount, 0);
  const line = appropriation?.grantsLine?.outcome ?? null;
  const models = payments.map((p) => ({
    amount: p.amount,
    round: p.round,
    roundLabel: `Grupp ${p.round}`,
    recipient: oneLine(p.recipient),
    county: countyNamesByCode(p.county),
    operation: p.operation ?? null,
    paid: p.paid,
    paidText: formatSwedishDate(p.paid),
  }));
  return {
    payments: models,
    total,
    count: payments.length,
    counties: [...new Set(models.map((p) => p.county.name))],
    appropriationLine: line,
    differenceFromAppropriation: line === null ? null : total - line,
  };
}
