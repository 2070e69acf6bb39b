import path from "node:path";
import { Chalk } from "chalk";
import { validateYear } from "../check/index.js";
import { countBySeverity, type Diagnostic } from "../diagnostics/diagnostic.js";
import { maskPersonalData } from "../diagnostics/redact.js";
import { stylish } from "../diagnostics/reporters/stylish.js";
import { MissingYearError } from "../load/dataset.js";
import { loadEarlierCalls } from "../load/earlier-calls.js";
import { loadImages } from "../load/images.js";
import { documentDate, type Provenance, readProvenance } from "../load/provenance.js";
import { buildReportModel } from "../model/index.js";
import type { Converters } from "../output/converters.js";
import { buildManifest, hashInputs } from "../output/manifest.js";
import type { PdfStandard } from "../output/pdf-standards.js";
import { personalDataGate } from "../output/personal-data-gate.js";
import type { RecipeContext } from "../output/recipe.js";
import { convertersFor, type OutputFormat, recipeFor, targetLabel } from "../output/recipes.js";
import { type OutputFile, tidyOutputFolder, writeOutputFolder } from "../output/write.js";
import { projectRootOrCwd } from "../project-root.js";
import {
  loadTemplates,
  type RenderedReport,
  renderReport,
  type Target,
  TemplateError,
} from "../render/index.js";
import { converterVersions, TOOL_VERSION } from "../version.js";
import { parsePdfStandard, type StartedBuild, startBuild } from "./build-start.js";
import { EXIT, parseYear, UsageError } from "./exit.js";
import { pathPrefix } from "./validate.js";
import { missingYearMessage } from "./where.js";

export interface BuildFlags {
  data: string;
  out?: string;
  /** "md", "md,docx,pdf"; all formats when absent. */
  format?: string;
  color: boolean;
  /** Stamp "UTKAST", the commit and its date on every page. */
  draft?: boolean;
  pdfStandard?: string;
  /** No progress lines. */
  quiet?: boolean;
  /** Also write report.pandoc.md, the Markdown the DOCX and PDF were converted from. */
  keepIntermediates?: boolean;
}

/** Progress lines: "✔ validated 2023 (0.21 s)"; colour only on a terminal; none with --quiet. */
function progress(out: NodeJS.WritableStream, color: boolean, quiet: boolean) {
  const c = new Chalk({ level: color ? 1 : 0 });
  let last = performance.now();
  return (what: string, seconds?: number) => {
    const now = performance.now();
    const took = seconds ?? (now - last) / 1000;
    if (!quiet)
      out.write(`${c.green("✔")} ${maskPersonalData(what)} ${c.dim(`(${took.toFixed(2)} s)`)}\n`);
    last = now;
  };
}

/** Stamp parts: "Exempeldata" for illustrative data; "UTKAST · 1a2b3c4 · 2026-11-23" for drafts. */
function stamps(illustrative: boolean, draft: boolean, provenance: Provenance, date: Date) {
  const commit = provenance.shortCommit
    ? `${provenance.shortCommit}${provenance.dirty ? " (med ej incheckade ändringar)" : ""}`
    : "ingen commit";
  const draftLine = draft ? `UTKAST · ${commit} · ${date.toISOString().slice(0, 10)}` : "";
  const stamp = [illustrative ? "Exempeldata" : "", draftLine].filter(Boolean).join(" · ");
  return { stamp, draftLine };
}

/**
 * `nch-report build <year>`: start the converter workers (pandoc loads while we validate),
 * validate (errors stop the build), build the model, render each Markdown target the formats
 * need, make every format's files side by side, then write them all at once with a manifest.
 * Nothing is written when anything before the write fails.
 */
export async function runBuild(
  yearText: string,
  flags: BuildFlags,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  started?: StartedBuild,
): Promise<number> {
  const { formats, converters } = started ?? startBuild(flags);
  try {
    const year = parseYear(yearText);
    const pdfStandard = parsePdfStandard(flags.pdfStandard);
    return await build(year, formats, pdfStandard, flags, out, err, converters);
  } finally {
    await converters?.close();
  }
}

async function build(
  year: number,
  formats: OutputFormat[],
  pdfStandard: PdfStandard,
  flags: BuildFlags,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  converters: Converters | undefined,
): Promise<number> {
  const recipes = formats.map(recipeFor);
  const makers = Promise.all(recipes.map((recipe) => recipe.load()));
  makers.catch(() => undefined); // awaited below unless the build stops first
  const dataRoot = path.resolve(flags.data);
  // The default output is the project's dist/<year>/, wherever in the project the command runs.
  const outDir = path.resolve(flags.out ?? path.join(projectRootOrCwd(), "dist", String(year)));
  const step = progress(err, flags.color, flags.quiet ?? false);
  const report = (diagnostics: Diagnostic[]) =>
    out.write(stylish(diagnostics, { color: flags.color, pathPrefix: pathPrefix(flags.data) }));

  // A commit a kill interrupted is completed first, whatever this build then does.
  await tidyOutputFolder(outDir);
  // What the build needs besides the validated data is read (and git asked) while validating.
  const sideLoads = Promise.all([
    loadTemplates(dataRoot),
    loadEarlierCalls(dataRoot, year),
    loadImages(dataRoot, year),
    readProvenance(dataRoot),
  ]);
  sideLoads.catch(() => undefined); // awaited below unless validation stops the build first
  let validated: Awaited<ReturnType<typeof validateYear>>;
  try {
    validated = await validateYear(flags.data, year);
  } catch (error) {
    if (error instanceof MissingYearError) throw new UsageError(missingYearMessage(error));
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

  const inputHashes = hashInputs(validated.data.inputs);
  inputHashes.catch(() => undefined); // awaited below unless the build stops first
  const [templates, earlier, images, provenance] = await sideLoads;
  const loadProblems = [
    ...templates.diagnostics,
    ...images.diagnostics,
    ...earlier.diagnostics.filter((d) => d.severity === "error"),
  ];
  if (loadProblems.length > 0 || !templates.templates) {
    report(loadProblems);
    return EXIT.problems;
  }
  if (earlier.diagnostics.length > 0) report(earlier.diagnostics);
  const model = buildReportModel(validated.data, { earlierCalls: earlier.calls });
  step("built the report model");

  const rendered = new Map<Target, RenderedReport>();
  try {
    const targets = [...new Set(recipes.map((r) => r.target))];
    const reports = await Promise.all(
      targets.map((target) =>
        renderReport(model, {
          target,
          templates: templates.templates,
          templatesDir: path.join(dataRoot, "templates"),
          images: images.images,
        }),
      ),
    );
    for (const [i, target] of targets.entries()) {
      rendered.set(target, reports[i] as RenderedReport);
    }
    step(`rendered the report with its charts (${targets.map(targetLabel).join(", ")})`);
  } catch (error) {
    if (error instanceof TemplateError) {
      report(error.diagnostics);
      out.write("The templates or chapters have errors: nothing was built.\n");
      return EXIT.problems;
    }
    throw error;
  }

  const signed = new Date(
    `${validated.data.report?.data.signed.date ?? `${year + 1}-03-01`}T00:00:00Z`,
  );
  // Drafts carry the commit's date; a final document only ever the data's own date.
  const date = documentDate(flags.draft ? provenance : { dirty: false }, signed);
  const { stamp, draftLine } = stamps(model.illustrative, flags.draft ?? false, provenance, date);
  const context: RecipeContext = {
    year,
    dataRoot,
    templatesDir: path.join(dataRoot, "templates"),
    outDir,
    data: validated.data,
    stamp,
    draftLine,
    date,
    pdfStandard,
    ...(converters && { converters }),
  };
  let made: OutputFile[][];
  const makeFiles = await makers;
  try {
    made = await Promise.all(
      recipes.map(async (recipe, i) => {
        const start = performance.now();
        const make = makeFiles[i] as (typeof makeFiles)[number];
        const files = await make(rendered.get(recipe.target) as RenderedReport, context);
        if (recipe.ownStep) step(`made ${recipe.displayName}`, (performance.now() - start) / 1000);
        return files;
      }),
    );
  } catch (error) {
    // Text the PDF cannot print, or a Typst error, located in the chapters, data or template.
    if (!(error instanceof TemplateError)) throw error;
    report(error.diagnostics);
    out.write("The report cannot be set as a PDF: nothing was built.\n");
    return EXIT.problems;
  }
  const files: OutputFile[] = made.flat();
  const pandocMarkdown = rendered.get("pandoc")?.markdown;
  if (flags.keepIntermediates && pandocMarkdown)
    files.push({ name: "report.pandoc.md", bytes: pandocMarkdown });
  const manifest = buildManifest(
    {
      tool: { name: "nch-report", version: TOOL_VERSION },
      converters: converterVersions(convertersFor(formats)),
      provenance,
      options: { formats, draft: flags.draft ?? false, pdfStandard, stamp },
      dataProvenance: [...rendered.values()][0]?.provenance ?? [],
    },
    await inputHashes,
    files,
  );
  const charts = [...rendered.values()].flatMap((r) => r.charts);
  const gate = { data: validated.data, dataRoot, outDir, charts };
  const leaks = await personalDataGate(
    [...files, { name: "manifest.json", bytes: manifest }],
    gate,
  );
  if (leaks.length > 0) {
    report(leaks);
    out.write("Personal data would reach the outputs: nothing was written.\n");
    return EXIT.problems;
  }
  await writeOutputFolder(outDir, files, manifest);
  const shown = path.relative(process.cwd(), outDir) || ".";
  const names = [...files.map((f) => f.name), "manifest.json"];
  step(
    `wrote ${names.length} file${names.length === 1 ? "" : "s"} to ${shown}/: ${names
      .filter((n) => !n.startsWith("figurer/"))
      .join(", ")}`,
  );
  return EXIT.ok;
}
