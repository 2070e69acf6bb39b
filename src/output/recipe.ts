// The interface between the render/ and output/ stages: what a format gets from rendering and
// what it may use of it. output/ imports render/ only through here, render/ output/ likewise.
import type { Cache } from "../cache-space.js";
import type { YearData } from "../load/dataset.js";
import type { RenderedReport, Target } from "../render/index.js";
import type { ConverterNeed, Converters } from "./converters.js";
import type { PdfStandard } from "./pdf-standards.js";
import type { OutputFile } from "./write.js";

/** Positioned template errors: what a recipe throws for text it cannot set. */
export { TemplateError } from "../render/errors.js";
/** Escapes text for Markdown, as the rendered report does. */
export { escapeMarkdownInline } from "../render/escape.js";
export type { RenderedFigure, RenderedReport, Target } from "../render/index.js";
/** The charts a figure may draw (the chart registry), for {{figure}}. */
export type { ChartOptions, ChartTable } from "./charts/chart.js";
export { CHART_NAMES, chartDefinition } from "./charts/registry.js";
/** The charts' specs as a build uses them: part of a cached rendering's key. */
export { chartSpecTexts } from "./charts/spec.js";

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
  /** Every format of this build (the HTML edition links the PDF and DOCX when they are made). */
  formats?: readonly string[];
  /** The build's cache (chart PNGs). */
  cache: Cache;
  /** The worker threads that run pandoc and Typst, started before validation. */
  converters?: Converters;
}

/** A format's work: the files it makes from the rendered report of its target. */
export type MakeFiles = (report: RenderedReport, context: RecipeContext) => Promise<OutputFile[]>;

/**
 * One output format (as Quarto's output recipes): its `--format` name, what it is called, which
 * Markdown target it converts, and its code, loaded only when the format is asked for. The build
 * renders every target first and writes the files of all recipes together, atomically. Each
 * format is one module (src/output/markdown.ts, docx-recipe.ts, pdf-recipe.ts) listed once in
 * src/output/recipes.ts.
 */
export interface OutputRecipe<Name extends string = string> {
  /** The `--format` name: "md". */
  name: Name;
  /** In progress lines and help: "Markdown". */
  displayName: string;
  /** The files it writes into the output folder, for the help. */
  files: readonly string[];
  target: Target;
  /** The converter workers it needs, started before validation so they load meanwhile. */
  converters: readonly ConverterNeed[];
  /** Made when `--format` is not given. */
  byDefault: boolean;
  /** Has its own timed progress line ("made DOCX"); Markdown is made with the render step. */
  ownStep: boolean;
  load(): Promise<MakeFiles>;
}

/** A document pandoc converts in a worker of its own (DOCX, PDF): made by default, in its own step. */
export function convertedDocument<const Name extends "docx" | "pdf">(
  name: Name,
  displayName: string,
  load: () => Promise<MakeFiles>,
): OutputRecipe<Name> {
  const files = [`report.${name}`];
  return {
    name,
    displayName,
    files,
    target: "pandoc",
    converters: [name],
    byDefault: true,
    ownStep: true,
    load,
  };
}
