import { isSuppressed } from "../../model/disclosure.js";
import { formatSwedishInteger } from "../../model/format.js";
import { capitalise, formatSwedishList, swedishCollator } from "../../text/swedish.js";
import type { Chart, ChartCell, ChartOptions, DisclosureOptions } from "./chart.js";
import { SUPPRESSED_CELL, suppressionNote } from "./chart.js";
import { renderChartSvg } from "./svg.js";
import { plainLabel } from "./swedish.js";

/** Calls with one label (a county, an organisation type); "Uppgift saknas" for unknown. */
export interface LabelCount {
  label: string;
  count: number;
  /** The row for calls without this information; also recognised by the label "Uppgift saknas". */
  missing?: boolean;
}

export interface CallsBreakdownOptions extends ChartOptions, DisclosureOptions {
  /** The report year, for the title and alt text. */
  year: number;
}

interface BreakdownRow {
  label: string;
  calls: number | null;
  missing: boolean;
  suppressed: boolean;
  order: number;
}

/** Bar chart of calls per organisation type, largest first, "Uppgift saknas" last. */
export function callsPerOrganisationChart(
  counts: readonly LabelCount[],
  opts: CallsBreakdownOptions,
): Promise<Chart> {
  return breakdownChart(counts, opts, {
    name: "calls-per-organisation",
    per: "organisation",
    many: (n) => `${n} organisationstyper`,
  });
}

/** Bar chart of calls per county, largest first, "Uppgift saknas" last. */
export function callsPerCountyChart(
  counts: readonly LabelCount[],
  opts: CallsBreakdownOptions,
): Promise<Chart> {
  return breakdownChart(counts, opts, {
    name: "calls-per-county",
    per: "län",
    many: (n) => `${n} län`,
  });
}

interface Breakdown {
  name: "calls-per-organisation" | "calls-per-county";
  /** "län": "Antal samtal per län", "uppgift om län saknas". */
  per: string;
  many: (n: number) => string;
}

async function breakdownChart(
  counts: readonly LabelCount[],
  opts: CallsBreakdownOptions,
  kind: Breakdown,
): Promise<Chart> {
  const rows = breakdownRows(counts, opts.suppressBelow);
  const suppressed = rows.some((r) => r.suppressed);
  const note =
    suppressed && opts.suppressBelow !== undefined
      ? suppressionNote(opts.suppressBelow, "samtal")
      : undefined;
  const svg = await renderChartSvg({
    name: kind.name,
    values: rows,
    templatesDir: opts.templatesDir,
    cache: opts.cache,
    note,
  });
  const alt = `Stapeldiagram över samtal per ${kind.per} ${opts.year}: ${breakdownFigures(rows, opts, kind)}.`;
  const title = `Antal samtal per ${kind.per} ${opts.year}`;
  const table = {
    columns: [capitalise(kind.per), "Antal samtal"],
    rows: rows.map((r): ChartCell[] => [r.label, r.suppressed ? SUPPRESSED_CELL : r.calls]),
  };
  return { name: kind.name, svg, alt, title, table, ...(note ? { note } : {}) };
}

/**
 * Largest first (ties in Swedish alphabetical order), then the suppressed rows alphabetically —
 * so the order does not give their counts away — and "Uppgift saknas" last.
 */
export function breakdownRows(
  counts: readonly LabelCount[],
  suppressBelow: number | undefined,
): BreakdownRow[] {
  const rows = counts.map((c) => {
    const label = plainLabel(c.label);
    const suppressed = isSuppressed(c.count, suppressBelow);
    return {
      label,
      count: c.count,
      calls: suppressed ? null : c.count,
      missing: c.missing ?? label.toLocaleLowerCase("sv") === "uppgift saknas",
      suppressed,
    };
  });
  const rank = (r: (typeof rows)[number]) => (r.missing ? 2 : r.suppressed ? 1 : 0);
  rows.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 0 ? b.count - a.count : 0) ||
      swedishCollator.compare(a.label, b.label),
  );
  return rows.map(({ count: _count, ...row }, order) => ({ ...row, order }));
}

/** "Västra Götaland 51, Skåne 27, Östergötland 27; uppgift om län saknas för 77 samtal". */
function breakdownFigures(
  rows: readonly BreakdownRow[],
  opts: CallsBreakdownOptions,
  kind: Breakdown,
): string {
  const shown = rows.filter((r) => !r.missing && r.calls !== null);
  const hidden = rows.filter((r) => !r.missing && r.calls === null);
  const missing = rows.find((r) => r.missing);
  const fewer = `färre än ${(opts.suppressBelow ?? 0) + 1} samtal`;
  const parts: string[] = [];
  const top = shown.slice(0, 3).map((r) => `${r.label} ${formatSwedishInteger(r.calls ?? 0)}`);
  parts.push(top.length > 0 ? top.join(", ") : "inga samtal med känt värde");
  if (hidden.length > 0) {
    const which =
      hidden.length <= 3 ? formatSwedishList(hidden.map((r) => r.label)) : kind.many(hidden.length);
    parts.push(`${fewer} för ${which}`);
  }
  if (missing && missing.calls !== 0) {
    const count = missing.calls === null ? fewer : `${formatSwedishInteger(missing.calls)} samtal`;
    parts.push(`uppgift om ${kind.per} saknas för ${count}`);
  }
  return parts.join("; ");
}
