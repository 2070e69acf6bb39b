import type { YearData } from "../load/dataset.js";
import type { RenderedReport, Target } from "../render/index.js";
import type { Converters } from "./converters.js";
import type { PdfStandard } from "./pdf-standards.js";
import type { OutputFile } from "./write.js";

export const OUTPUT_FORMATS = ["md", "docx", "pdf"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What a recipe may use besides the rendered report. */
export interface RecipeContext {
  year: number;
  /** The data root (absolute) and the project's template folder `<root>/templates`. */
  dataRoot: string;
  templatesDir: string;
  outDir: string;
  data: YearData;
  /** Stamp line on every page ("UTKAST · 1a2b3c4 · 2026-11-23", "Exempeldata") or "". */
  stamp: string;
  /** The draft line alone, for the top of the Markdown ("" when not a draft). */
  draftLine: string;
  /** The date written into DOCX/PDF: SOURCE_DATE_EPOCH, the commit (drafts) or the signing date. */
  date: Date;
  pdfStandard: PdfStandard;
  /** The worker threads that run pandoc and Typst, started before validation. */
  converters?: Converters;
}

/**
 * One output format: which Markdown target it converts, and the files it makes from it. The
 * build renders every target first and writes the files of all recipes together, atomically.
 * DOCX and PDF export one from src/output/docx.ts (`docxRecipe`) and src/output/pdf.ts (`pdfRecipe`).
 */
export interface OutputRecipe {
  format: OutputFormat;
  target: Target;
  files(report: RenderedReport, context: RecipeContext): Promise<OutputFile[]>;
}
