// A build as named stages (as Quarto's render): load → validate → model → render → output
// recipes → gate → commit. Progress is an observer of the stages' events, not code in them.
import { openCache } from "../cache.js";
import type { Cache } from "../cache-space.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Provenance } from "../load/provenance.js";
import type { Converters } from "../output/converters.js";
import { buildManifest, hashInputs, type InputHash } from "../output/manifest.js";
import type { PdfStandard } from "../output/pdf-standards.js";
import { type GateContext, personalDataGate } from "../output/personal-data-gate.js";
import type { OutputRecipe } from "../output/recipe.js";
import { convertersFor, type OutputFormat, recipeFor } from "../output/recipes.js";
import { type OutputFile, tidyOutputFolder, writeOutputFolder } from "../output/write.js";
import type { RenderedReport, Target } from "../render/index.js";
import { span } from "../timing.js";
import { converterVersions, TOOL_VERSION } from "../version.js";
import * as stages from "./stages.js";

export interface BuildRequest {
  year: number;
  /** The data root as given (--data), and resolved. */
  data: string;
  dataRoot: string;
  /** The output folder, absolute. */
  outDir: string;
  formats: OutputFormat[];
  pdfStandard: PdfStandard;
  /** Stamp "UTKAST", the commit and its date on every page. */
  draft: boolean;
  /** Also write report.pandoc.md, the Markdown the DOCX and PDF were converted from. */
  keepIntermediates: boolean;
  /** The converter workers, started before the build's own code loaded. */
  converters?: Converters;
  /** The cache the stages share; default the project's (NCH_REPORT_CACHE or .nch-cache). */
  cache?: Cache;
}

/** What a build tells its observer, stage by stage. */
export type BuildEvent =
  | { stage: "validate"; year: number; warnings: number }
  | { stage: "findings"; diagnostics: Diagnostic[] }
  | { stage: "model" }
  | { stage: "render"; targets: Target[] }
  | { stage: "output"; recipe: OutputRecipe; seconds: number }
  | { stage: "commit"; outDir: string; names: string[] };

export type BuildObserver = (event: BuildEvent) => void;

/** Why nothing was built (the CLI says it in the findings' language). */
export type StopReason =
  | { kind: "data"; year: number }
  | { kind: "templates" }
  | { kind: "pdf" }
  | { kind: "personal-data" };

/** Why a build stopped: the findings, and what was not done. */
export interface Stopped {
  diagnostics: Diagnostic[];
  reason?: StopReason;
}

/**
 * Builds the report: nothing is written when anything before the commit fails. The converter
 * workers (pandoc, Typst) and each format's code load while the data is validated.
 */
export async function buildReport(
  request: BuildRequest,
  observe: BuildObserver,
): Promise<Stopped | undefined> {
  const recipes = request.formats.map(recipeFor);
  const makers = Promise.all(recipes.map((recipe) => recipe.load()));
  makers.catch(() => undefined); // awaited below unless the build stops first
  // A commit a kill interrupted is completed first, whatever this build then does.
  await span("tidy", () => tidyOutputFolder(request.outDir));
  const sideLoads = stages.startSideLoads(request.dataRoot, request.year);
  const cache = request.cache ?? openCache();
  const validated = await span("validate", () => stages.validate(request, cache, observe));
  if (validated.stopped) return validated.stopped;
  const data = validated.value;
  const inputHashes = hashInputs(data.inputs);
  inputHashes.catch(() => undefined); // awaited below unless the build stops first
  const loaded = await span("side loads", () => stages.sideLoaded(sideLoads, observe));
  if (loaded.stopped) return loaded.stopped;
  const model = stages.model(data, loaded.value, observe);
  const rendered = await span("render", () =>
    stages.render(model, recipes, { ...loaded.value, cache }, request, observe),
  );
  if (rendered.stopped) return rendered.stopped;
  const context = stages.recipeContext(request, data, model, loaded.value.provenance, cache);
  const made = await span("output", async () =>
    stages.output(recipes, await makers, rendered.value, context, observe),
  );
  if (made.stopped) return made.stopped;
  const files = withIntermediates(made.value, rendered.value, request.keepIntermediates);
  const manifest = manifestOf(request, loaded.value.provenance, rendered.value, context.stamp, {
    inputs: await inputHashes,
    files,
  });
  const charts = [...rendered.value.values()].flatMap((r) => r.charts);
  const gated = await span("gate", () =>
    gate(files, manifest, {
      data,
      dataRoot: request.dataRoot,
      outDir: request.outDir,
      charts,
    }),
  );
  if (gated) return gated;
  await span("commit", () => commit(request.outDir, files, manifest, observe));
  return undefined;
}

/** manifest.json: the tool and converters, the commit, the options, every input and output. */
function manifestOf(
  request: BuildRequest,
  provenance: Provenance,
  rendered: ReadonlyMap<Target, RenderedReport>,
  stamp: string,
  hashed: { inputs: InputHash[]; files: readonly OutputFile[] },
): string {
  const { formats, draft, pdfStandard } = request;
  return buildManifest(
    {
      tool: { name: "nch-report", version: TOOL_VERSION },
      converters: converterVersions(convertersFor(formats), formats.includes("html")),
      provenance,
      options: { formats, draft, pdfStandard, stamp },
      dataProvenance: [...rendered.values()][0]?.provenance ?? [],
    },
    hashed.inputs,
    hashed.files,
  );
}

/** With --keep-intermediates, the Markdown the DOCX and PDF were converted from too. */
function withIntermediates(
  files: OutputFile[],
  rendered: ReadonlyMap<Target, RenderedReport>,
  keep: boolean,
): OutputFile[] {
  const pandocMarkdown = rendered.get("pandoc")?.markdown;
  return keep && pandocMarkdown
    ? [...files, { name: "report.pandoc.md", bytes: pandocMarkdown }]
    : files;
}

/** The last look before anything is written: no personnummer in any file, manifest included. */
async function gate(
  files: readonly OutputFile[],
  manifest: string,
  context: GateContext,
): Promise<Stopped | undefined> {
  const leaks = await personalDataGate(
    [...files, { name: "manifest.json", bytes: manifest }],
    context,
  );
  if (leaks.length === 0) return undefined;
  return {
    diagnostics: leaks,
    reason: { kind: "personal-data" },
  };
}

/** Writes every file and the manifest at once: the folder is the whole new build or the old one. */
async function commit(
  outDir: string,
  files: readonly OutputFile[],
  manifest: string,
  observe: BuildObserver,
): Promise<void> {
  await writeOutputFolder(outDir, files, manifest);
  observe({ stage: "commit", outDir, names: [...files.map((f) => f.name), "manifest.json"] });
}
