import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Cache } from "../cache-space.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { MissingYearError } from "../load/dataset.js";
import { loadEarlierCalls } from "../load/earlier-calls.js";
import { loadImages } from "../load/images.js";
import { decodeInput } from "../load/input-text.js";
import { buildReportModel, type ReportModel } from "../model/index.js";
import { validateYear } from "../pipeline/validate.js";
import { loadTemplates, renderReport, TemplateError } from "../render/index.js";

/** One side of the comparison: the report as a reader sees it, and what it was made from. */
export interface Side {
  model: ReportModel;
  /** The report as report.md (GitHub-flavoured Markdown). */
  markdown: string;
  diagnostics: Diagnostic[];
  /** Raw text of each input file by its path relative to the data root. */
  inputs: Map<string, string>;
}

/** The report cannot be made on this side: its errors say why. */
export type SideFailure = { missing: true } | { missing?: false; errors: Diagnostic[] };

/** The same stages as `build`, up to the Markdown text, in memory. */
export async function buildSide(
  root: string,
  year: number,
  cache: Cache,
): Promise<Side | SideFailure> {
  let validated: Awaited<ReturnType<typeof validateYear>>;
  try {
    validated = await validateYear(root, year, { cache });
  } catch (error) {
    if (error instanceof MissingYearError) return { missing: true };
    throw error;
  }
  const errors = validated.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return { errors };
  const [templates, earlier, images] = await Promise.all([
    loadTemplates(root),
    loadEarlierCalls(root, year),
    loadImages(root, year),
  ]);
  const problems = [...templates.diagnostics, ...images.diagnostics];
  if (problems.length > 0 || !templates.templates) return { errors: problems };
  const model = buildReportModel(validated.data, { earlierCalls: earlier.calls });
  let markdown: string;
  try {
    ({ markdown } = await renderReport(model, {
      target: "gfm",
      templates: templates.templates,
      templatesDir: path.join(root, "templates"),
      images: images.images,
      cache,
    }));
  } catch (error) {
    if (error instanceof TemplateError) return { errors: error.diagnostics };
    throw error;
  }
  const inputs = new Map<string, string>();
  for (const file of validated.data.inputs) {
    const bytes = await readFile(file.abs);
    inputs.set(file.rel, decodeInput(bytes) ?? bytes.toString("utf8"));
  }
  return { model, markdown, diagnostics: validated.diagnostics, inputs };
}
