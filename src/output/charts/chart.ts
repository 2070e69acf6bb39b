import type { CacheSpace } from "../../cache-space.js";
import type { ChartName } from "./registry.js";

/** A rendered chart: the SVG, and the words that go with it. */
export interface Chart {
  name: ChartName;
  /** Standalone SVG (px units, 96 px per inch), deterministic for the same input. */
  svg: string;
  /** Alt text derived from the data: what the chart shows and its key figures, in Swedish. */
  alt: string;
  /** Caption text without the "Figur N: " prefix. */
  title: string;
  /** A footnote for the caption, e.g. what "–" or a left-out year means; also drawn in the chart. */
  note?: string;
  /** The figures the chart draws, as a table (the HTML edition prints it and offers it as CSV). */
  table: ChartTable;
}

/** A cell: a number, a text ("–" for a suppressed count) or null for "uppgift saknas". */
export type ChartCell = string | number | null;

/** A chart's figures: column headings and rows, first column the row's label. */
export interface ChartTable {
  columns: string[];
  rows: ChartCell[][];
}

/** A suppressed count shows as "–" in a chart's table: never its number. */
export const SUPPRESSED_CELL = "–";

export interface ChartOptions {
  /** The project's template overrides, `<data root>/templates`: `charts/<name>.vl.json` there wins. */
  templatesDir?: string;
  /** The cache's `charts` namespace; none: every chart drawn. */
  cache?: CacheSpace;
}

/** Small-number suppression, as `options.disclosure.min_count` in report.yaml. */
export interface DisclosureOptions {
  /** Counts from 1 up to and including this number are not drawn, and shown as "–". */
  suppressBelow?: number;
}

/** The footnote for "–": "–: färre än 4 samtal, redovisas inte på grund av röjanderisk." */
export function suppressionNote(suppressBelow: number, unit: string): string {
  return `–: färre än ${suppressBelow + 1} ${unit}, redovisas inte på grund av röjanderisk.`;
}
