import { formatSwedishInteger } from "../model/format.js";
import type { ReportModel } from "../model/index.js";
import type { FigureChange } from "./compare.js";
import type { Block } from "./document.js";

const count = (value: number | null) =>
  value === null ? "uppgift saknas" : formatSwedishInteger(value);

/**
 * What each built-in chart draws, label → value as the chart shows it, from the same model
 * fields the chart makers are given (src/render/figures.ts).
 */
export function chartValues(model: ReportModel, id: string): Map<string, string> {
  const line = model.supportLine;
  const statement = model.finance.incomeStatement;
  const rows: [string, string][] = [];
  if (id === "calls-per-year" && line)
    for (const y of line.years) if (!y.partial) rows.push([String(y.year), count(y.total)]);
  if (id === "calls-per-organisation")
    for (const r of line?.byOrganisation ?? []) rows.push([r.label, r.display]);
  if (id === "calls-per-county")
    for (const r of line?.byCounty ?? []) rows.push([r.name, r.display]);
  if (id === "exposure-by-type" && line)
    for (const r of line.exposure ?? []) {
      rows.push([`${r.label} · ${line.year - 1}`, r.lastYear.display]);
      rows.push([`${r.label} · ${line.year}`, r.thisYear.display]);
    }
  const group = { "finance-costs": "costGroups", "finance-other-costs": "operatingCosts" } as const;
  if ((id === "finance-costs" || id === "finance-other-costs") && statement)
    for (const r of statement[group[id]]) {
      rows.push([`${r.label} · ${statement.outcomeLabel}`, count(r.outcome)]);
      rows.push([`${r.label} · ${statement.forecastLabel}`, count(r.forecast)]);
    }
  return new Map(rows);
}

/** The values of each chart in the new report against the same chart in the old one. */
export function compareCharts(
  oldBlocks: readonly Block[],
  newBlocks: readonly Block[],
  oldModel: ReportModel,
  newModel: ReportModel,
): FigureChange[] {
  const found: FigureChange[] = [];
  for (const block of newBlocks) {
    if (!block.chart) continue;
    const before = oldBlocks.some((b) => b.chart === block.chart)
      ? chartValues(oldModel, block.chart)
      : new Map<string, string>();
    const after = chartValues(newModel, block.chart);
    for (const label of new Set([...after.keys(), ...before.keys()])) {
      const o = before.get(label) ?? "";
      const n = after.get(label) ?? "";
      if (o === n) continue;
      found.push({
        section: block.section,
        where: `Figur: ${block.caption ?? block.chart} · ${label}`,
        old: o,
        new: n,
        context: [
          { kind: "same", text: `${label}: ` },
          ...(o ? [{ kind: "old" as const, text: o }] : []),
          ...(n ? [{ kind: "new" as const, text: n }] : []),
        ],
        sources: [],
      });
    }
  }
  return found;
}
