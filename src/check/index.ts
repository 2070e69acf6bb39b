import type { Cache } from "../cache-space.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CheckTexts } from "../load/check-inputs.js";
import type { YearData } from "../load/dataset.js";
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

/** Every rule over a loaded year, given the texts load/ read for them and the cache. */
export async function checkYear(data: YearData, inputs: CheckInputs): Promise<Diagnostic[]> {
  const found = await Promise.all(RULES.map((rule) => rule(data, inputs)));
  return found.flat();
}
