import type { CallsSummary } from "../load/calls.js";
import { countyByCode } from "../schema/counties.js";
import { EXPOSURES, ORGANISATIONS } from "../schema/vocabulary.js";

/** A published support-line cell whose count is small enough to identify someone. */
export interface SuppressedCell {
  table: "county" | "organisation" | "exposure";
  /** SCB code ("" = uppgift saknas), organisation code or exposure code. */
  key: string;
  /** The row's Swedish label as the report shows it. */
  label: string;
  count: number;
}

/** Small-number suppression: a count from 1 to minCount is shown as "–" (0 is shown as 0). */
export function isSuppressed(count: number, minCount: number | undefined): boolean {
  return minCount !== undefined && count >= 1 && count <= minCount;
}

/**
 * The cells of the published support-line tables (calls per county, per organisation,
 * exposed persons per type of exposure) that are suppressed at this threshold, in table order.
 */
export function suppressedCells(summary: CallsSummary, minCount: number): SuppressedCell[] {
  const cells: SuppressedCell[] = [];
  const add = (table: SuppressedCell["table"], key: string, label: string, count: number) => {
    if (isSuppressed(count, minCount)) cells.push({ table, key, label, count });
  };
  for (const [code, count] of Object.entries(summary.byCounty).sort(([a], [b]) =>
    a === "" ? 1 : b === "" ? -1 : a.localeCompare(b, "en"),
  )) {
    add("county", code, code === "" ? "Uppgift saknas" : (countyByCode(code)?.name ?? code), count);
  }
  for (const code of ORGANISATIONS.codes) {
    add("organisation", code, ORGANISATIONS.label[code], summary.byOrganisation[code]);
  }
  for (const code of EXPOSURES.codes) {
    add("exposure", code, EXPOSURES.label[code], summary.exposure[code]);
  }
  return cells;
}
