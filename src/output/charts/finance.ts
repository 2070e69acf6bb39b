import { formatSwedishInteger } from "../../model/format.js";
import { formatSwedishList } from "../../text/swedish.js";
import type { Chart, ChartOptions, ChartTable } from "./chart.js";
import type { ChartName } from "./registry.js";
import { renderChartSvg } from "./svg.js";
import { inSentence, plainLabel } from "./swedish.js";

/** One line of the resultaträkning: outcome and forecast in tkr, as the report shows them. */
export interface FinanceAmount {
  label: string;
  outcome: number;
  forecast: number;
}

export interface FinanceChartOptions extends ChartOptions {
  /** The statement's column headings, e.g. "Utfall jan–dec 2023" (default "Utfall"). */
  outcomeLabel?: string;
  /** E.g. "Prognos 2 helår 2023" (default "Prognos"). */
  forecastLabel?: string;
}

interface FinanceRow {
  label: string;
  series: string;
  seriesOrder: number;
  amount: number;
  order: number;
}

/** "Drifts- och lönekostnader": outcome against forecast for Lönekostnader totalt and Driftskostnader. */
export async function financeCostsChart(
  lines: readonly FinanceAmount[],
  opts: FinanceChartOptions = {},
): Promise<Chart> {
  const { svg, lines: shown, heading } = await renderFinance("finance-costs", lines, opts);
  const items = shown.map(
    (l) =>
      `${l.label} ${formatSwedishInteger(l.outcome)} (prognos ${formatSwedishInteger(l.forecast)})`,
  );
  const alt = `Stapeldiagram över drifts- och lönekostnader i ${heading}: ${items.join(", ")}.`;
  const table = financeTable(shown, opts);
  return { name: "finance-costs", svg, alt, title: "Drifts- och lönekostnader", table };
}

/** "Övriga driftskostnader": outcome against forecast per operating-cost line, in statement order. */
export async function financeOtherCostsChart(
  lines: readonly FinanceAmount[],
  opts: FinanceChartOptions = {},
): Promise<Chart> {
  const { svg, lines: shown, heading } = await renderFinance("finance-other-costs", lines, opts);
  const largest = [...shown].sort((a, b) => b.outcome - a.outcome).slice(0, 3);
  const items = largest.map(
    (l) =>
      `${l.label} ${formatSwedishInteger(l.outcome)} (prognos ${formatSwedishInteger(l.forecast)})`,
  );
  const deviation = (l: FinanceAmount) => Math.abs(l.forecast - l.outcome);
  const furthest = [...shown].sort((a, b) => deviation(b) - deviation(a))[0];
  const apart =
    furthest && !largest.includes(furthest) && deviation(furthest) > 0
      ? `; längst från prognos: ${furthest.label} ${formatSwedishInteger(furthest.outcome)} (prognos ${formatSwedishInteger(furthest.forecast)})`
      : "";
  const alt =
    `Stapeldiagram över övriga driftskostnader per kostnadsslag (${shown.length}) i ${heading}. ` +
    `Störst utfall: ${formatSwedishList(items)}${apart}.`;
  const table = financeTable(shown, opts);
  return { name: "finance-other-costs", svg, alt, title: "Övriga driftskostnader", table };
}

/** Per line: outcome and forecast in tkr, under the statement's own column headings. */
function financeTable(lines: readonly FinanceAmount[], opts: FinanceChartOptions): ChartTable {
  const outcome = plainLabel(opts.outcomeLabel ?? "Utfall");
  const forecast = plainLabel(opts.forecastLabel ?? "Prognos");
  return {
    columns: ["Kostnadsslag", `${outcome} (tkr)`, `${forecast} (tkr)`],
    rows: lines.map((l) => [l.label, l.outcome, l.forecast]),
  };
}

async function renderFinance(
  name: ChartName,
  input: readonly FinanceAmount[],
  opts: FinanceChartOptions,
) {
  const outcomeLabel = plainLabel(opts.outcomeLabel ?? "Utfall");
  const forecastLabel = plainLabel(opts.forecastLabel ?? "Prognos");
  const lines = input.map((l) => ({ ...l, label: plainLabel(l.label) }));
  const rows: FinanceRow[] = lines.flatMap((l, order) => [
    { label: l.label, series: outcomeLabel, seriesOrder: 0, amount: l.outcome, order },
    { label: l.label, series: forecastLabel, seriesOrder: 1, amount: l.forecast, order },
  ]);
  const svg = await renderChartSvg({
    name,
    values: rows,
    templatesDir: opts.templatesDir,
    cache: opts.cache,
  });
  // "tkr, utfall jan–dec 2023 jämfört med prognos 2 helår 2023"
  const heading = `tkr, ${inSentence(outcomeLabel)} jämfört med ${inSentence(forecastLabel)}`;
  return { svg, lines, heading };
}
