import { formatSwedishInteger } from "../../model/format.js";
import { capitalise, formatSwedishList } from "../../text/swedish.js";
import type { Chart, ChartCell, ChartOptions } from "./chart.js";
import { renderChartSvg } from "./svg.js";

/** Calls to the support line in one year; `calls: null` when the year has no figure (a gap). */
export interface CallsPerYearPoint {
  year: number;
  calls: number | null;
  /**
   * Set when the figure does not cover the whole year, as the coverage in words ("från 13 mars"):
   * such a year is left out of the chart of whole years, and the alt text and note say why.
   */
  partial?: string;
}

interface KnownYear {
  year: number;
  calls: number;
}

/**
 * Line chart of calls per whole year. Every year from the first to the last is on the axis; a
 * year without a figure breaks the line and is marked "uppgift saknas". A partial year (2014:
 * counted from 13 March) is left out, as in the published Figur 2 (2015–2023), since its count
 * is not comparable with whole years.
 */
export async function callsPerYearChart(
  points: readonly CallsPerYearPoint[],
  opts: ChartOptions = {},
): Promise<Chart> {
  const partial = points.filter((p) => p.partial !== undefined);
  const whole = new Map(
    points.filter((p) => p.partial === undefined).map((p) => [p.year, p.calls] as const),
  );
  const years = [...whole.keys()].sort((a, b) => a - b);
  const first = years[0];
  const last = years[years.length - 1];
  const rows: { year: number; calls: number | null }[] = [];
  if (first !== undefined && last !== undefined) {
    for (let year = first; year <= last; year++)
      rows.push({ year, calls: whole.get(year) ?? null });
  }
  const span = first === last ? `${first ?? ""}` : `${first}–${last}`;
  const title = `Antal inkomna samtal per helår ${span}`;
  const leftOut = partialNote(partial);
  const svg = await renderChartSvg({
    name: "calls-per-year",
    values: rows,
    templatesDir: opts.templatesDir,
    cache: opts.cache,
    note: leftOut?.note,
  });
  const described = `Linjediagram över antal inkomna samtal till stödtelefonen per helår ${span}`;
  const alt = `${described}${leftOut ? ` (${leftOut.inAlt})` : ""}. ${keyFigures(rows)}`;
  const table = {
    columns: ["År", "Antal samtal"],
    rows: rows.map((r): ChartCell[] => [String(r.year), r.calls]),
  };
  return {
    name: "calls-per-year",
    svg,
    alt,
    title,
    table,
    ...(leftOut ? { note: leftOut.note } : {}),
  };
}

function partialNote(partial: readonly CallsPerYearPoint[]) {
  const only = partial[0];
  if (!only) return undefined;
  const years = formatSwedishList(partial.map((p) => String(p.year)));
  if (partial.length === 1) {
    const count = only.calls === null ? "" : ` (${formatSwedishInteger(only.calls)} samtal)`;
    return {
      inAlt: `${only.year} visas inte, då uppgiften bara gäller ${only.partial}`,
      note: `${only.year} visas inte: uppgiften gäller bara ${only.partial}${count}.`,
    };
  }
  const text = `${years} visas inte, då uppgifterna inte avser helår`;
  return { inAlt: text, note: `${capitalise(text)}.` };
}

/** "Flest samtal inkom år 2019 (1 019); år 2023 inkom 395 samtal, det lägsta antalet sedan 2015 (298); uppgift saknas för 2021 och 2022." */
function keyFigures(rows: readonly { year: number; calls: number | null }[]): string {
  const known = rows.filter((r): r is KnownYear => r.calls !== null);
  const missing = rows.filter((r) => r.calls === null).map((r) => r.year);
  const latest = known[known.length - 1];
  if (!latest) return "Uppgift saknas för samtliga år.";
  const max = known.reduce((a, b) => (b.calls > a.calls ? b : a));
  const min = known.reduce((a, b) => (b.calls < a.calls ? b : a));
  const parts: string[] = [];
  if (max !== latest)
    parts.push(`flest samtal inkom år ${max.year} (${formatSwedishInteger(max.calls)})`);
  const { phrase, since } = compareLatest(latest, known.slice(0, -1));
  parts.push(`år ${latest.year} inkom ${formatSwedishInteger(latest.calls)} samtal${phrase}`);
  if (min !== latest && min !== since && min !== max) {
    parts.push(`lägst var år ${min.year} (${formatSwedishInteger(min.calls)})`);
  }
  if (missing.length > 0)
    parts.push(`uppgift saknas för ${formatSwedishList(yearRanges(missing))}`);
  return `${capitalise(parts.join("; "))}.`;
}

/** How the latest year compares: ", det lägsta antalet sedan 2015 (298)". */
function compareLatest(latest: KnownYear, earlier: readonly KnownYear[]) {
  const previous = earlier[earlier.length - 1];
  if (!previous) return { phrase: "" };
  if (latest.calls === previous.calls) {
    return { phrase: `, lika många som år ${previous.year}` };
  }
  const lower = latest.calls < previous.calls;
  const word = lower ? "lägsta" : "högsta";
  const since = earlier.findLast((r) =>
    lower ? r.calls <= latest.calls : r.calls >= latest.calls,
  );
  if (!since) return { phrase: `, det ${word} antalet under perioden` };
  return {
    phrase: `, det ${word} antalet sedan ${since.year} (${formatSwedishInteger(since.calls)})`,
    since,
  };
}

/** [2016, 2017, 2018, 2021] → ["2016–2018", "2021"]: runs of three or more years as a range. */
function yearRanges(years: readonly number[]): string[] {
  const ranges: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === (years[j] as number) + 1) j++;
    const run = years.slice(i, j + 1);
    ranges.push(...(run.length >= 3 ? [`${run[0]}–${run[run.length - 1]}`] : run.map(String)));
    i = j + 1;
  }
  return ranges;
}
