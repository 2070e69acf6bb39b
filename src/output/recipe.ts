import type { YearData } from "../load/dataset.js";
import type { RenderedReport, Target } from "../render/index.js";
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
