import path from "node:path";
import type { Diagnostic, Position } from "../diagnostics/diagnostic.js";
import { type FindingPlace, finding } from "../diagnostics/finding.js";
import type { YearData } from "../load/dataset.js";
import { type InputText, positionsOf, smallInputTexts } from "../load/input-text.js";
import type { TypstProblem } from "./pdf.js";

/** Where a Typst problem in the converted report is shown when no input has its text. */
const CONVERTED = "report (converted to Typst)";
/** The first place an input has `needle`, or undefined. */
function findInInputs(
  texts: InputText[],
  needle: string,
): ({ file: string } & Position) | undefined {
  if (needle === "") return undefined;
  for (const { file, text } of texts) {
    const at = text.indexOf(needle);
    if (at !== -1) return { file: file.rel, ...positionsOf(text)(at) };
  }
  return undefined;
}

/** The longest run of words of a Typst line, as it was probably written in a chapter or file. */
function plainWords(excerpt: string): string {
  const runs = excerpt.split(/[#[\]*_\\`$<>{}()"=]+/).map((s) => s.trim());
  return runs.reduce((best, run) => (run.length > best.length ? run : best), "");
}

/** The character of "the text `"X"` could not be displayed with font …", when it is that. */
function undisplayable(message: string): string | undefined {
  return /the text `"(.+?)"` could not be displayed/.exec(message)?.[1];
}

/**
 * Each Typst problem as a diagnostic at its source: the template's own line, or the place in the
 * chapters and data where the text Typst stopped at is written.
 */
export async function typstDiagnostics(
  problems: readonly TypstProblem[],
  data: YearData,
  templatePath: string,
): Promise<Diagnostic[]> {
  const texts = await smallInputTexts(data);
  const inside = path.relative(data.root, templatePath);
  const template = inside.startsWith("..")
    ? "templates/typst/report.typ"
    : inside.split(path.sep).join("/");
  return problems.map((problem): Diagnostic => {
    const at = { line: problem.line, column: problem.column };
    const typst = (place: FindingPlace, inTemplate: boolean) =>
      finding("template/typst", place, { detail: problem.message, inTemplate });
    if (problem.file === "/report.typ") return typst({ file: template, ...at }, true);
    const needle = undisplayable(problem.message) ?? plainWords(problem.excerpt);
    return typst(findInInputs(texts, needle) ?? { file: CONVERTED, ...at }, false);
  });
}
