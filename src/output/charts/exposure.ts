import { isSuppressed } from "../../model/disclosure.js";
import { formatSwedishInteger } from "../../model/format.js";
import { formatSwedishList, swedishCollator } from "../../text/swedish.js";
import type { Chart, ChartCell, ChartOptions, DisclosureOptions } from "./chart.js";
import { SUPPRESSED_CELL, suppressionNote } from "./chart.js";
import { renderChartSvg } from "./svg.js";
import { plainLabel } from "./swedish.js";

/** Exposed individuals of one type of exposure; `lastYear: null` when last year has no figure. */
export interface ExposureCount {
  label: string;
  thisYear: number;
  lastYear: number | null;
}

export interface ExposureOptions extends ChartOptions, DisclosureOptions {
  /** The report year; last year is the one before. */
  year: number;
}

interface ExposureRow {
  type: string;
  period: string;
  count: number | null;
  missing: boolean;
  suppressed: boolean;
  order: number;
}

/**
 * Grouped bar chart of exposed individuals per type of exposure, this year against last year,
 * most frequent this year first. A year without a figure is marked "uppgift saknas".
 */
export async function exposureByTypeChart(
  counts: readonly ExposureCount[],
  opts: ExposureOptions,
): Promise<Chart> {
  const { year, suppressBelow } = opts;
  const sorted = counts
    .map((c) => ({ ...c, label: plainLabel(c.label) }))
    .sort((a, b) => b.thisYear - a.thisYear || swedishCollator.compare(a.label, b.label));
  const rows: ExposureRow[] = sorted.flatMap((c, order) => [
    row(c.label, String(year - 1), c.lastYear, order, suppressBelow),
    row(c.label, String(year), c.thisYear, order, suppressBelow),
  ]);
  const suppressed = rows.some((r) => r.suppressed);
  const note =
    suppressed && suppressBelow !== undefined
      ? suppressionNote(suppressBelow, "utsatta individer")
      : undefined;
  const svg = await renderChartSvg({
    name: "exposure-by-type",
    values: rows,
    templatesDir: opts.templatesDir,
    cache: opts.cache,
    note,
  });
  const fewer = `färre än ${(suppressBelow ?? 0) + 1}`;
  const figure = (value: number) =>
    isSuppressed(value, suppressBelow) ? fewer : formatSwedishInteger(value);
  const items = sorted.map(
    (c) =>
      `${c.label} ${figure(c.thisYear)}${c.lastYear === null ? "" : ` (${year - 1}: ${figure(c.lastYear)})`}`,
  );
  const noLastYear = sorted.filter((c) => c.lastYear === null).map((c) => c.label);
  const gap =
    noLastYear.length === 0
      ? ""
      : noLastYear.length === sorted.length
        ? `; uppgift för ${year - 1} saknas`
        : `; uppgift för ${year - 1} saknas för ${formatSwedishList(noLastYear)}`;
  const alt = `Stapeldiagram över typ av utsatthet, antal utsatta individer ${year} jämfört med ${year - 1}: ${items.join(", ")}${gap}.`;
  const title = `Typ av utsatthet ${year - 1} och ${year}`;
  const cell = (r: ExposureRow | undefined): ChartCell =>
    r?.suppressed ? SUPPRESSED_CELL : (r?.count ?? null);
  const table = {
    columns: ["Typ av utsatthet", String(year - 1), String(year)],
    rows: sorted.map((c, order): ChartCell[] => {
      const of = rows.filter((r) => r.order === order);
      return [c.label, cell(of[0]), cell(of[1])];
    }),
  };
  return { name: "exposure-by-type", svg, alt, title, table, ...(note ? { note } : {}) };
}

function row(
  type: string,
  period: string,
  count: number | null,
  order: number,
  suppressBelow: number | undefined,
): ExposureRow {
  const suppressed = count !== null && isSuppressed(count, suppressBelow);
  return {
    type,
    period,
    count: suppressed ? null : count,
    missing: count === null,
    suppressed,
    order,
  };
}
