// The report's built-in charts, listed once: the name a template uses in {{figure "…"}} and the
// spec file templates/charts/<name>.vl.json, the model's rows it draws, and its provenance note.
// Drawing imports the chart code (and so vega) only when a chart is drawn.
import type { ProvenanceNote, ReportModel } from "../../model/index.js";
import type { Chart, ChartOptions } from "./chart.js";

type ChartCode = typeof import("./index.js");

/** A chart drawing for this model, to run later — or null when the data has nothing to draw. */
type Draw = (model: ReportModel, settings: ChartOptions) => (() => Promise<Chart>) | null;

export interface ChartDefinition<Name extends string = string> {
  name: Name;
  draw: Draw;
  provenance(model: ReportModel): ProvenanceNote | null;
}

const code = (): Promise<ChartCode> => import("./index.js");

// A suppressed cell's count is hidden in the model (null). Any count from 1 to min_count is drawn
// identically (as "–", sorted by name), so 1 stands in for it without revealing the real count.
const SUPPRESSED_STAND_IN = 1;

/** The year and the disclosure threshold, which the charts of counts show small counts by. */
function disclosureOptions(model: ReportModel, settings: ChartOptions) {
  return { year: model.year, suppressBelow: model.disclosure.minCount ?? undefined, ...settings };
}

/** A resultaträkning chart: one group of its lines, outcome against forecast, under its headings. */
function financeChart(
  group: "costGroups" | "operatingCosts",
  make: "financeCostsChart" | "financeOtherCostsChart",
): Draw {
  return (model, settings) => {
    const statement = model.finance.incomeStatement;
    if (!statement || statement[group].length === 0) return null;
    return () =>
      code().then((c) =>
        c[make](
          statement[group].map((r) => ({
            label: r.label,
            outcome: r.outcome,
            forecast: r.forecast,
          })),
          {
            ...settings,
            outcomeLabel: statement.outcomeLabel,
            forecastLabel: statement.forecastLabel,
          },
        ),
      );
  };
}

const callsPerYear: Draw = (model, settings) => {
  const sl = model.supportLine;
  if (!sl) return null;
  return () =>
    code().then((c) =>
      c.callsPerYearChart(
        sl.years.map((y) => ({
          year: y.year,
          calls: y.total,
          ...(y.partial ? { partial: y.partial } : {}),
        })),
        settings,
      ),
    );
};

/** Calls per organisation or per county: a bar per row, "uppgift saknas" drawn as missing. */
function breakdownChart(kind: "organisation" | "county"): Draw {
  return (model, settings) => {
    const sl = model.supportLine;
    const rows =
      kind === "organisation"
        ? sl?.byOrganisation?.map((r) => ({ ...r, missing: r.code === "uppgift_saknas" }))
        : sl?.byCounty?.map((r) => ({ ...r, label: r.name, missing: r.code === "" }));
    if (!rows) return null;
    const make = kind === "organisation" ? "callsPerOrganisationChart" : "callsPerCountyChart";
    const bars = rows.map(({ label, count, missing }) => ({
      label,
      count: count ?? SUPPRESSED_STAND_IN,
      missing,
    }));
    return () => code().then((c) => c[make](bars, disclosureOptions(model, settings)));
  };
}

const exposureByType: Draw = (model, settings) => {
  const rows = model.supportLine?.exposure;
  if (!rows) return null;
  return () =>
    code().then((c) =>
      c.exposureByTypeChart(
        rows.map((r) => ({
          label: r.label,
          thisYear: r.thisYear.count ?? SUPPRESSED_STAND_IN,
          lastYear: r.lastYear.suppressed ? SUPPRESSED_STAND_IN : r.lastYear.count,
        })),
        disclosureOptions(model, settings),
      ),
    );
};

const chart = <const Name extends string>(
  name: Name,
  draw: Draw,
  provenance: (m: ReportModel) => ProvenanceNote | null,
): ChartDefinition<Name> => ({ name, draw, provenance });

export const CHARTS = [
  chart("calls-per-year", callsPerYear, (m) => m.provenance.supportLine.years),
  chart(
    "calls-per-organisation",
    breakdownChart("organisation"),
    (m) => m.provenance.supportLine.organisation,
  ),
  chart("calls-per-county", breakdownChart("county"), (m) => m.provenance.supportLine.county),
  chart("exposure-by-type", exposureByType, (m) => m.provenance.supportLine.exposure),
  chart(
    "finance-costs",
    financeChart("costGroups", "financeCostsChart"),
    (m) => m.provenance.incomeStatement,
  ),
  chart(
    "finance-other-costs",
    financeChart("operatingCosts", "financeOtherCostsChart"),
    (m) => m.provenance.incomeStatement,
  ),
] as const satisfies readonly ChartDefinition[];

export type ChartName = (typeof CHARTS)[number]["name"];

/** The built-in charts by name; each has a Vega-Lite spec `templates/charts/<name>.vl.json`. */
export const CHART_NAMES: readonly ChartName[] = CHARTS.map((c) => c.name);

/** The chart of that name, or undefined for any other name (an image of the year, a typo). */
export function chartDefinition(name: string): ChartDefinition | undefined {
  return CHARTS.find((c) => c.name === name);
}
