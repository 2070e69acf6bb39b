import { type Cache, NO_CACHE } from "../cache-space.js";
import { type Diagnostic, sortDiagnostics } from "../diagnostics/diagnostic.js";
import { type CheckTexts, checkTexts } from "../load/check-inputs.js";
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

/** What a rule gets besides the parsed data: the inputs' texts (read by load/) and the cache. */
export interface CheckInputs extends CheckTexts {
  cache: Cache;
}

/** A family of cross-file rules over a loaded year; each finding a coded diagnostic. */
export type Rule = (data: YearData, inputs: CheckInputs) => Diagnostic[] | Promise<Diagnostic[]>;

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
  (data, inputs) => checkSpelling(data, inputs, { cache: inputs.cache.spelling }),
  checkChapterMarkup,
];

/** Load → schema → rules: everything `nch-report validate` reports, in a stable order. The cache
 * (`options.cache`) is the command's; without one nothing is cached. */
export async function validateYear(
  root: string,
  year: number,
  options: YamlCacheOptions = {},
): Promise<{ data: YearData; diagnostics: Diagnostic[] }> {
  const loaded = await loadYear(root, year, options);
  const inputs = { ...checkTexts(loaded.data), cache: options.cache ?? NO_CACHE };
  const found = await Promise.all(RULES.map((rule) => rule(loaded.data, inputs)));
  return {
    data: loaded.data,
    diagnostics: sortDiagnostics([...loaded.diagnostics, ...found.flat()]),
  };
}
