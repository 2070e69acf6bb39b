// The stages of a build, each a function of what the stages before it made. None prints: what
// happens is told to the build's observer (src/pipeline/build.ts), what stops a build is returned.
import path from "node:path";
import type { Cache } from "../cache-space.js";
import { countBySeverity, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { YearData } from "../load/dataset.js";
import { loadEarlierCalls } from "../load/earlier-calls.js";
import { loadImages } from "../load/images.js";
import { documentDate, type Provenance, readProvenance } from "../load/provenance.js";
import { buildReportModel, type ReportModel } from "../model/index.js";
import type { MakeFiles, OutputRecipe, RecipeContext } from "../output/recipe.js";
import type { OutputFile } from "../output/write.js";
import {
  loadTemplates,
  type RenderedReport,
  renderReport,
  type Target,
  TemplateError,
  type TemplateSet,
} from "../render/index.js";
import type { BuildObserver, BuildRequest, Stopped, StopReason } from "./build.js";
import { validateYear } from "./validate.js";

/** A stage's result: its value, or why the build stops. */
export type Staged<T> = { value: T; stopped?: undefined } | { stopped: Stopped };

const stop = (diagnostics: Diagnostic[], reason?: StopReason): { stopped: Stopped } => ({
  stopped: reason === undefined ? { diagnostics } : { diagnostics, reason },
});

/** What the build reads besides the year's data, read (and git asked) while validating. */
export function startSideLoads(dataRoot: string, year: number) {
  const sideLoads = Promise.all([
    loadTemplates(dataRoot),
    loadEarlierCalls(dataRoot, year),
    loadImages(dataRoot, year),
    readProvenance(dataRoot),
  ]);
  sideLoads.catch(() => undefined); // awaited later unless validation stops the build first
  return sideLoads;
}

export type SideLoads = ReturnType<typeof startSideLoads>;

/** Load and validate the year's data: errors stop the build. */
export async function validate(
  request: BuildRequest,
  cache: Cache,
  observe: BuildObserver,
): Promise<Staged<YearData>> {
  const validated = await validateYear(request.data, request.year, { cache });
  const { errors, warnings } = countBySeverity(validated.diagnostics);
  if (errors > 0) {
    const shown = validated.diagnostics.filter((d) => d.severity === "error");
    return stop(shown, { kind: "data", year: request.year });
  }
  observe({ stage: "validate", year: request.year, warnings });
  return { value: validated.data };
}

/** What the side loads gave: the templates, earlier years' calls, the year's images, the commit. */
export interface Loaded {
  templates: TemplateSet;
  earlier: Awaited<ReturnType<typeof loadEarlierCalls>>;
  images: Map<string, string>;
  provenance: Provenance;
}

/** The side loads' results: a template or image that cannot be used stops the build. */
export async function sideLoaded(
  sideLoads: SideLoads,
  observe: BuildObserver,
): Promise<Staged<Loaded>> {
  const [templates, earlier, images, provenance] = await sideLoads;
  const problems = [
    ...templates.diagnostics,
    ...images.diagnostics,
    ...earlier.diagnostics.filter((d) => d.severity === "error"),
  ];
  if (problems.length > 0 || !templates.templates) return stop(problems);
  if (earlier.diagnostics.length > 0)
    observe({ stage: "findings", diagnostics: earlier.diagnostics });
  const value = { templates: templates.templates, earlier, images: images.images, provenance };
  return { value };
}

export function model(data: YearData, loaded: Loaded, observe: BuildObserver): ReportModel {
  const built = buildReportModel(data, { earlierCalls: loaded.earlier.calls });
  observe({ stage: "model" });
  return built;
}

/** Each Markdown target the formats need, rendered once. */
export async function render(
  built: ReportModel,
  recipes: readonly OutputRecipe[],
  loaded: Loaded & { cache: Cache },
  request: BuildRequest,
  observe: BuildObserver,
): Promise<Staged<Map<Target, RenderedReport>>> {
  const targets = [...new Set(recipes.map((r) => r.target))];
  try {
    const options = {
      templates: loaded.templates,
      templatesDir: path.join(request.dataRoot, "templates"),
      images: loaded.images,
      cache: loaded.cache,
    };
    const reports = await Promise.all(
      targets.map((target) => renderReport(built, { target, ...options })),
    );
    observe({ stage: "render", targets });
    return { value: new Map(targets.map((target, i) => [target, reports[i] as RenderedReport])) };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return stop(error.diagnostics, { kind: "templates" });
  }
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

/** What the recipes get besides the report: the stamps, the document date, the converters. */
export function recipeContext(
  request: BuildRequest,
  data: YearData,
  built: ReportModel,
  provenance: Provenance,
  cache: Cache,
): RecipeContext {
  const { year, draft } = request;
  const signed = new Date(`${data.report?.data.signed.date ?? `${year + 1}-03-01`}T00:00:00Z`);
  // Drafts carry the commit's date; a final document only ever the data's own date.
  const date = documentDate(draft ? provenance : { dirty: false }, signed);
  const { stamp, draftLine } = stamps(built.illustrative, draft, provenance, date);
  return {
    year,
    dataRoot: request.dataRoot,
    templatesDir: path.join(request.dataRoot, "templates"),
    outDir: request.outDir,
    data,
    stamp,
    draftLine,
    date,
    pdfStandard: request.pdfStandard,
    formats: request.formats,
    cache,
    ...(request.converters && { converters: request.converters }),
  };
}

/** Every format's files, made side by side from the rendered report of its target. */
export async function output(
  recipes: readonly OutputRecipe[],
  makers: readonly MakeFiles[],
  rendered: ReadonlyMap<Target, RenderedReport>,
  context: RecipeContext,
  observe: BuildObserver,
): Promise<Staged<OutputFile[]>> {
  try {
    const made = await Promise.all(
      recipes.map(async (recipe, i) => {
        const start = performance.now();
        const make = makers[i] as MakeFiles;
        const files = await make(rendered.get(recipe.target) as RenderedReport, context);
        observe({ stage: "output", recipe, seconds: (performance.now() - start) / 1000 });
        return files;
      }),
    );
    return { value: made.flat() };
  } catch (error) {
    // Text the PDF cannot print, or a Typst error, located in the chapters, data or template.
    if (!(error instanceof TemplateError)) throw error;
    return stop(error.diagnostics, { kind: "pdf" });
  }
}
