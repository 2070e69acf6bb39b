import { type Diagnostic, sortDiagnostics } from "../diagnostics/diagnostic.js";
import { loadYear, type YearData } from "../load/dataset.js";
import { checkReport } from "./report.js";

/** A family of cross-file rules over a loaded year; each finding a coded diagnostic. */
export type Rule = (data: YearData) => Diagnostic[] | Promise<Diagnostic[]>;

export const RULES: readonly Rule[] = [checkReport];

/** Load → schema → rules: everything `nch-report validate` reports, in a stable order. */
export async function validateYear(
  root: string,
  year: number,
): Promise<{ data: YearData; diagnostics: Diagnostic[] }> {
  const loaded = await loadYear(root, year);
  const found = await Promise.all(RULES.map((rule) => rule(loaded.data)));
  return {
    data: loaded.data,
    diagnostics: sortDiagnostics([...loaded.diagnostics, ...found.flat()]),
  };
}
