import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { validateYear } from "../src/pipeline/validate.js";

/** Numbers as the messages write them: groups separated by U+00A0, minus as U+2212. */
export const sv = (text: string) => text.replace(/ /g, "\u00a0").replace(/-/g, "\u2212");

/** The findings of one code (or prefix such as "grants/") in a data folder, as plain objects. */
export async function findings(root: string, year: number, code: string): Promise<Diagnostic[]> {
  const { diagnostics } = await validateYear(root, year);
  return diagnostics.filter(
    (d) => d.code === code || (code.endsWith("/") && d.code.startsWith(code)),
  );
}

/** Where a finding is, for compact assertions. */
export const where = (d: Diagnostic) => [d.severity, d.code, d.file, d.line, d.column];
