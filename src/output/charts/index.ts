// Charts of the report: Vega-Lite specs (templates/charts/<name>.vl.json, overridable from
// <data root>/templates/charts/) rendered to SVG in Node, with Swedish alt text from the data.
// vega, vega-lite and resvg are imported inside the render functions only: `validate` never loads them.

export {
  type CallsBreakdownOptions,
  callsPerCountyChart,
  callsPerOrganisationChart,
  type LabelCount,
} from "./calls-breakdown.js";
export { type CallsPerYearPoint, callsPerYearChart } from "./calls-per-year.js";
export type { Chart, ChartCell, ChartOptions, ChartTable, DisclosureOptions } from "./chart.js";
export { type ExposureCount, type ExposureOptions, exposureByTypeChart } from "./exposure.js";
export {
  type FinanceAmount,
  type FinanceChartOptions,
  financeCostsChart,
  financeOtherCostsChart,
} from "./finance.js";
export { type PngOptions, renderChartPng } from "./png.js";
export { CHART_NAMES, type ChartName } from "./registry.js";
export { BUILTIN_CHART_DIR, ChartSpecError, chartSpecPath } from "./spec.js";
