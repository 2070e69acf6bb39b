import { formatPercent, formatSwedishInteger } from "./format.js";
import type { SupportLineYear } from "./support-line.js";

export interface YearFigure {
  year: number;
  total: number;
}

export interface SupportLineFacts {
  /** The latest earlier year with as few calls or fewer: "det lägsta antalet sedan 2015". */
  lowestSince: YearFigure | null;
  /** No earlier year (with a known figure) had as few calls. */
  lowestOnRecord: boolean;
  /** The latest earlier year with as many calls or more. */
  highestSince: YearFigure | null;
  highestOnRecord: boolean;
  /** The year with most calls in the series: "flest samtal 2019". */
  peak: YearFigure | null;
  /** Years between `lowestSince` (or `highestSince`) and this year whose figure is not known. */
  unknownYearsSinceLowest: string[];
  unknownYearsSinceHighest: string[];
  /** Change against the previous calendar year; `known` false when that year is a gap. */
  change: {
    year: number;
    known: boolean;
    lastYearTotal: number | null;
    absolute: number | null;
    ratio: number | null;
    direction: "ökade" | "minskade" | "oförändrat" | null;
    /** A sentence a writer would state, true to the data (a gap is said, never invented). */
    sentence: string;
  };
}

/** Derived statements about this year's total against the series. */
export function factsOf(
  years: readonly SupportLineYear[],
  thisYear: SupportLineYear,
  lastYear: SupportLineYear,
): SupportLineFacts {
  const total = thisYear.total;
  const earlier = years.filter((y) => y.year < thisYear.year);
  const earlierKnown = earlier.filter(
    (y): y is SupportLineYear & { total: number } => y.total !== null,
  );
  const latest = (match: (t: number) => boolean) => {
    if (total === null) return null;
    const found = [...earlierKnown].reverse().find((y) => match(y.total));
    return found ? { year: found.year, total: found.total } : null;
  };
  const lowestSince = latest((t) => t <= (total ?? 0));
  const highestSince = latest((t) => t >= (total ?? 0));
  const unknownSince = (since: YearFigure | null) =>
    since === null
      ? []
      : earlier.filter((y) => y.year > since.year && y.total === null).map((y) => String(y.year));
  const known = years.filter((y): y is SupportLineYear & { total: number } => y.total !== null);
  const peak = known.reduce<YearFigure | null>(
    (best, y) => (best === null || y.total > best.total ? { year: y.year, total: y.total } : best),
    null,
  );
  return {
    lowestSince,
    lowestOnRecord: total !== null && earlierKnown.length > 0 && lowestSince === null,
    highestSince,
    highestOnRecord: total !== null && earlierKnown.length > 0 && highestSince === null,
    peak,
    unknownYearsSinceLowest: unknownSince(lowestSince),
    unknownYearsSinceHighest: unknownSince(highestSince),
    change: changeOf(thisYear, lastYear),
  };
}

function changeOf(
  thisYear: SupportLineYear,
  lastYear: SupportLineYear,
): SupportLineFacts["change"] {
  const year = lastYear.year;
  if (thisYear.total === null || lastYear.total === null) {
    const missing = lastYear.total === null ? year : thisYear.year;
    return {
      year,
      known: false,
      lastYearTotal: lastYear.total,
      absolute: null,
      ratio: null,
      direction: null,
      sentence: `För ${missing} saknas uppgift om antalet samtal, så någon jämförelse med föregående år går inte att göra.`,
    };
  }
  const absolute = thisYear.total - lastYear.total;
  const ratio = lastYear.total === 0 ? null : absolute / lastYear.total;
  const direction = absolute > 0 ? "ökade" : absolute < 0 ? "minskade" : "oförändrat";
  const share = ratio === null ? "" : ` (${formatPercent(Math.abs(ratio))})`;
  const sentence =
    direction === "oförändrat"
      ? `Antalet samtal var detsamma som ${year}.`
      : `Antalet samtal ${direction} med ${formatSwedishInteger(Math.abs(absolute))}${share} jämfört med ${year}.`;
  return { year, known: true, lastYearTotal: lastYear.total, absolute, ratio, direction, sentence };
}
