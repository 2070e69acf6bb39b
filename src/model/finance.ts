import type { YamlPath } from "../load/yaml.js";
import type { FinanceLine } from "../schema/finance.js";

/** Outcome and forecast of a line, in the file's unit (tkr or kr). */
export interface Totals {
  outcome: number;
  forecast: number;
}

/** One line of resultaträkning or anslagsredovisning, flattened in reading order. */
export interface FinanceRow {
  label: string;
  /** 0 for a top line, 1 for its children, … */
  depth: number;
  /** Where the line is in its YAML file, for `source.locate([...path, "outcome"])`. */
  path: YamlPath;
  isSum: boolean;
  role?: "grants";
  /** Computed: the sum of the children for a sum line, the stated value for a leaf. */
  outcome: number;
  forecast: number;
  /** forecast − outcome (prognosavvikelse). */
  deviation: number;
  /** deviation / forecast; undefined when the forecast is 0. */
  deviationPercent: number | undefined;
  /** outcome / forecast (upparbetningsgrad); undefined when the forecast is 0. */
  utilisation: number | undefined;
  /** What the file states for a sum line (the published total), when it states one. */
  stated: Partial<Totals>;
  /** Rounded leaf values summed into each computed figure (1 for a leaf); for tolerances. */
  leafCount: Totals;
}

/** Outcome and forecast of a line: the sum of its children's, or its own for a leaf. */
export function computedTotals(line: FinanceLine): Totals {
  if (!line.children) return { outcome: line.outcome ?? 0, forecast: line.forecast ?? 0 };
  let outcome = 0;
  let forecast = 0;
  for (const child of line.children) {
    const totals = computedTotals(child);
    outcome += totals.outcome;
    forecast += totals.forecast;
  }
  return { outcome, forecast };
}

/** How many leaf values a line's computed outcome and forecast add up. */
function leafCount(line: FinanceLine): Totals {
  if (!line.children) {
    return { outcome: 1, forecast: line.forecast === undefined ? 0 : 1 };
  }
  const counts = { outcome: 0, forecast: 0 };
  for (const child of line.children) {
    const c = leafCount(child);
    counts.outcome += c.outcome;
    counts.forecast += c.forecast;
  }
  return counts;
}

/** Deviation, deviation % and upparbetningsgrad of an outcome against a forecast. */
export function deviationOf(outcome: number, forecast: number) {
  const deviation = forecast - outcome;
  return {
    deviation,
    deviationPercent: forecast === 0 ? undefined : deviation / forecast,
    utilisation: forecast === 0 ? undefined : outcome / forecast,
  };
}

/**
 * Largest difference between a stated total and its computed sum that rounding explains:
 * each of the n rounded parts may be off by 0.5, and the stated total by 0.5 itself.
 */
export function roundingTolerance(roundedParts: number): number {
  return 0.5 * (roundedParts + 1);
}

/**
 * The tree of lines flattened in reading order (a sum before its children), each with its
 * computed totals and deviations. `basePath` is the path of the list in the YAML file.
 */
export function financeRows(
  lines: readonly FinanceLine[],
  basePath: YamlPath = ["lines"],
): FinanceRow[] {
  const rows: FinanceRow[] = [];
  const visit = (line: FinanceLine, depth: number, path: YamlPath) => {
    const { outcome, forecast } = computedTotals(line);
    const isSum = line.children !== undefined;
    const stated: Partial<Totals> = {};
    if (isSum && line.outcome !== undefined) stated.outcome = line.outcome;
    if (isSum && line.forecast !== undefined) stated.forecast = line.forecast;
    rows.push({
      label: line.label,
      depth,
      path,
      isSum,
      ...(line.role ? { role: line.role } : {}),
      outcome,
      forecast,
      ...deviationOf(outcome, forecast),
      stated,
      leafCount: leafCount(line),
    });
    line.children?.forEach((child, i) => {
      visit(child, depth + 1, [...path, "children", i]);
    });
  };
  lines.forEach((line, i) => {
    visit(line, 0, [...basePath, i]);
  });
  return rows;
}
