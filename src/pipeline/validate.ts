// Validation as `validate`, `build` and `changes` run it: the load stage, then the check rules
// with the texts load/ read for them. The cache is the command's; without one nothing is cached.
import { NO_CACHE } from "../cache-space.js";
import { checkYear } from "../check/index.js";
import { type Diagnostic, sortDiagnostics } from "../diagnostics/diagnostic.js";
import { checkTexts } from "../load/check-inputs.js";
import { loadYear, type YearData } from "../load/dataset.js";
import type { YamlCacheOptions } from "../load/yaml-cache.js";
import { span } from "../timing.js";

/** Load → schema → rules: everything `nch-report validate` reports, in a stable order. */
export async function validateYear(
  root: string,
  year: number,
  options: YamlCacheOptions = {},
): Promise<{ data: YearData; diagnostics: Diagnostic[] }> {
  const loaded = await span("load", () => loadYear(root, year, options));
  const inputs = { ...checkTexts(loaded.data), cache: options.cache ?? NO_CACHE };
  const found = await span("rules", () => checkYear(loaded.data, inputs));
  return { data: loaded.data, diagnostics: sortDiagnostics([...loaded.diagnostics, ...found]) };
}
