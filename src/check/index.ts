import { type Diagnostic, sortDiagnostics } from "../diagnostics/diagnostic.js";
import { loadYear, type YearData } from "../load/dataset.js";
import type { YamlCacheOptions } from "../load/yaml-cache.js";
import { checkChapterMarkup } from "./chapter-markup.js";
import { checkCounties } from "./counties.js";
import { checkFinance } from "./finance.js";
import { checkGrants } from "./grants.js";
import { checkPersonalData } from "./personal-data.js";
import { checkPlaceholders } from "./placeholders.js";
import { checkProvenance } from "./provenance.js";
import { checkReport } from "./report.js";
import { checkSpelling } from "./spelling.js";
import { checkSupportLine } from "./support-line.js";
import { checkThemes } from "./themes.js";

/** A family of cross-file rules over a loaded year; each finding a coded diagnostic. */
export type Rule = (data: YearData) => Diagnostic[] | Promise<Diagnostic[]>;

export const RULES: readonly Rule[] = [
  checkReport,
  checkFinance,
  checkGrants,
  checkThemes,
  checkCounties,
  checkSupportLine,
  checkPersonalData,
  checkPlaceholders,
  checkProvenance,
  checkSpelling,
  checkChapterMarkup,
];

/** Load → schema → rules: everything `nch-report validate` reports, in a stable order. */
export async function validateYear(
  root: string,
  year: number,
  options: YamlCacheOptions = {},
): Promise<{ data: YearData; diagnostics: Diagnostic[] }> {
  const loaded = await loadYear(root, year, options);
  const found = await Promise.all(RULES.map((rule) => rule(loaded.data)));
  return {
    data: loaded.data,
    diagnostics: sortDiagnostics([...loaded.diagnostics, ...found.flat()]),
  };
}
