import path from "node:path";
import { Chalk } from "chalk";
import { validateYear } from "../check/index.js";
import { countBySeverity, type Diagnostic } from "../diagnostics/diagnostic.js";
import { stylish } from "../diagnostics/reporters/stylish.js";
import { MissingYearError } from "../load/dataset.js";
import { loadEarlierCalls } from "../load/earlier-calls.js";
import { loadImages } from "../load/images.js";
import { buildReportModel } from "../model/index.js";
import { markdownOutputFiles, writeReport } from "../output/markdown.js";
import {
  OUTPUT_FORMATS,
  type OutputFormat,
  type OutputRecipe,
  type RecipeContext,
} from "../output/recipe.js";
import type { OutputFile } from "../output/write.js";
import {
  loadTemplates,
  type RenderedReport,
  renderReport,
  type Target,
  TemplateError,
} from "../render/index.js";
import { EXIT, parseYear, UsageError } from "./exit.js";
import { pathPrefix } from "./validate.js";

export interface BuildFlags {
  data: string;
  out?: string;
  /** "md", "md,docx,pdf"; all formats when absent (those not yet available are skipped). */
  format?: string;
  color: boolean;
}

const FORMAT_NAMES: Record<OutputFormat, string> = { md: "Markdown", docx: "DOCX", pdf: "PDF" };

const markdownRecipe: OutputRecipe = {
  format: "md",
  target: "gfm",
  files: async (report) => markdownOutputFiles(report),
};

/** The recipe of a format, or undefined while its module does not provide one yet. */
async function recipeFor(format: OutputFormat): Promise<OutputRecipe | undefined> {
  if (format === "md") return markdownRecipe;
  // The DOCX and PDF recipes live in src/output/docx.ts and pdf.ts (docxRecipe, pdfRecipe).
  const module = (await import(`../output/${format}.js`).catch(() => ({}))) as Record<
    string,
    unknown
  >;
  const recipe = module[`${format}Recipe`] as OutputRecipe | undefined;
  return recipe && typeof recipe.files === "function" ? recipe : undefined;
}

export function parseFormats(text: string | undefined): {
  formats: OutputFormat[];
  explicit: boolean;
} {
  if (text === undefined) return { formats: [...OUTPUT_FORMATS], explicit: false };
  const formats = [
    ...new Set(
      text
        .split(",")
        .map((f) => f.trim().toLowerCase())
        .filter((f) => f !== ""),
    ),
  ];
  const unknown = formats.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (formats.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--format takes a comma-separated list of ${OUTPUT_FORMATS.join(", ")}${unknown.length > 0 ? `, not "${unknown.join(", ")}"` : ""}.`,
    );
  }
  return { formats: formats as OutputFormat[], explicit: true };
}

/** Progress lines: "✔ validated 2023 (0.21 s)"; colour only on a terminal. */
function progress(out: NodeJS.WritableStream, color: boolean) {
  const c = new Chalk({ level: color ? 1 : 0 });
  let last = performance.now();
  return (what: string) => {
    const now = performance.now();
    out.write(`${c.green("✔")} ${what} ${c.dim(`(${((now - last) / 1000).toFixed(2)} s)`)}\n`);
    last = now;
  };
}

/**
 * `nch-report build <year>`: validate (errors stop the build), build the model, render each
 * Markdown target the formats need, make every format's files, then write them all at once.
 * Nothing is written when anything before the write fails.
 */
export async function runBuild(
  yearText: string,
  flags: BuildFlags,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const year = parseYear(yearText);
  const { formats, explicit } = parseFormats(flags.format);
  const recipes: OutputRecipe[] = [];
  for (const format of formats) {
    const recipe = await recipeFor(format);
    if (recipe) recipes.push(recipe);
    else if (explicit)
      throw new UsageError(
        `${FORMAT_NAMES[format]} output is not yet available; build with --format md.`,
      );
    else err.write(`nch-report: ${FORMAT_NAMES[format]} output is not yet available; skipped.\n`);
  }
  const dataRoot = path.resolve(flags.data);
  const outDir = path.resolve(flags.out ?? path.join("dist", String(year)));
  const step = progress(out, flags.color);
  const report = (diagnostics: Diagnostic[]) =>
    out.write(stylish(diagnostics, { color: flags.color, pathPrefix: pathPrefix(flags.data) }));

  let validated: Awaited<ReturnType<typeof validateYear>>;
  try {
    validated = await validateYear(flags.data, year);
  } catch (error) {
    if (error instanceof MissingYearError) throw new UsageError(error.message);
    throw error;
  }
  const { errors, warnings } = countBySeverity(validated.diagnostics);
  if (errors > 0) {
    report(validated.diagnostics.filter((d) => d.severity === "error"));
    out.write(`The data of ${year} has errors: nothing was built.\n`);
    return EXIT.problems;
  }
  step(
    `validated ${year}${warnings > 0 ? ` — ${warnings} warning${warnings === 1 ? "" : "s"}, see nch-report validate ${year}` : ""}`,
  );

  const [templates, earlier, images] = await Promise.all([
    loadTemplates(dataRoot),
    loadEarlierCalls(dataRoot, year),
    loadImages(dataRoot, year),
  ]);
  const loadProblems = [...templates.diagnostics, ...images.diagnostics];
  if (loadProblems.length > 0 || !templates.templates) {
    report(loadProblems);
    return EXIT.problems;
  }
  if (earlier.diagnostics.length > 0) report(earlier.diagnostics);
  const model = buildReportModel(validated.data, { earlierCalls: earlier.calls });

  const rendered = new Map<Target, RenderedReport>();
  try {
    for (const target of new Set(recipes.map((r) => r.target))) {
      rendered.set(
        target,
        await renderReport(model, {
          target,
          templates: templates.templates,
          templatesDir: path.join(dataRoot, "templates"),
          images: images.images,
        }),
      );
      step(
        `rendered the report (${target === "gfm" ? "Markdown for GitHub" : "Markdown for DOCX/PDF"})`,
      );
    }
  } catch (error) {
    if (error instanceof TemplateError) {
      report(error.diagnostics);
      out.write("The templates or chapters have errors: nothing was built.\n");
      return EXIT.problems;
    }
    throw error;
  }

  const context: RecipeContext = {
    year,
    dataRoot,
    templatesDir: path.join(dataRoot, "templates"),
    outDir,
    data: validated.data,
  };
  const files: OutputFile[] = [];
  for (const recipe of recipes) {
    files.push(...(await recipe.files(rendered.get(recipe.target) as RenderedReport, context)));
    if (recipe.format !== "md") step(`made ${FORMAT_NAMES[recipe.format]}`);
  }
  await writeReport(outDir, files);
  const shown = path.relative(process.cwd(), outDir) || ".";
  step(
    `wrote ${files.length} file${files.length === 1 ? "" : "s"} to ${shown}/: ${files
      .map((f) => f.name)
      .filter((n) => !n.startsWith("figurer/"))
      .join(", ")}`,
  );
  return EXIT.ok;
}
