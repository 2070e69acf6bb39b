import type Handlebars from "handlebars";
import HandlebarsRuntime from "handlebars/runtime.js";
import { codeFingerprint, contentKey } from "../cache-key.js";
import { type Cache, NO_CACHE } from "../cache-space.js";
import { finding } from "../diagnostics/finding.js";
import type { ReportMetaModel, ReportModel } from "../model/index.js";
import { CHART_NAMES, chartSpecTexts } from "../output/recipe.js";
import { packageVersion, TOOL_VERSION } from "../version.js";
import {
  type Compiled,
  compileTemplate,
  PRINT_HELPER,
  TemplateError,
  unclaimedDiagnostic,
} from "./compile.js";
import {
  FigureRegistry,
  type PrintedProvenance,
  type RenderedFigure,
  type Target,
} from "./figures.js";
import { PRESENTATION_HELPERS } from "./helpers.js";
import { loadTemplates, type TemplateSet } from "./templates.js";
import { GithubSlugger, headingsOf, tocMarkdown } from "./toc.js";
import { Markdown, printValue } from "./values.js";

export { TemplateError } from "./compile.js";
export type { PrintedProvenance, RenderedFigure, Target } from "./figures.js";
export { loadTemplates, type TemplateSet } from "./templates.js";

/** What the output recipes consume: the report as Markdown for one target, its charts, its metadata. */
export interface RenderedReport {
  markdown: string;
  charts: RenderedFigure[];
  meta: Omit<ReportMetaModel, "signed"> & {
    lang: "sv-SE";
    year: number;
    illustrative: boolean;
    signed: Omit<ReportMetaModel["signed"], "dateText">;
  };
  /** The cover's wordmark (SVG), or null. */
  wordmark: string | null;
  /** Every provenance note the report prints, with the table or figure it stands under. */
  provenance: PrintedProvenance[];
}

export interface RenderOptions {
  /**
   * "gfm": the shipped report.md (GitHub: title page, colophon, linked table of contents, SVG
   * images with an italic caption line). "pandoc": what the DOCX/PDF recipes convert (no title
   * page or table of contents; `![Figur N: …](figurer/x.png){alt="…"}`; `Table: Tabell N: …`).
   */
  target: Target;
  /** Built-in templates with the project's overrides (loadTemplates); built-in only when absent. */
  templates?: TemplateSet;
  /** `<data root>/templates`, where chart spec overrides are looked up. */
  templatesDir?: string;
  /** The command's cache (precompiled templates, charts); none: everything compiled and drawn. */
  cache?: Cache;
  /** SVG images of the year (`<year>/figurer/<name>.svg`) by name, for {{figure "<name>" alt="…"}}. */
  images?: ReadonlyMap<string, string>;
}

/** Headings that are front matter: the table of contents follows them (as in the published report). */
const FOREWORD = /^förord$/i;

/**
 * Renders the whole report for one target. Throws TemplateError with positioned diagnostics.
 * With a cache, a report whose inputs are unchanged (the model, the templates, the images, the
 * charts' specs and the code: renderKey) is read from it: a warm build runs no template.
 */
export async function renderReport(
  model: ReportModel,
  options: RenderOptions,
): Promise<RenderedReport> {
  const templates = options.templates ?? (await builtInTemplates());
  const key = options.cache ? renderKey(model, templates, options) : undefined;
  if (!options.cache || key === undefined) return renderNow(model, templates, options);
  return options.cache.templates.result({
    // One slot per year and target, whatever the data folder (`changes` renders the old side in
    // a temporary one): the cache keeps one report of each, the last rendered.
    slot: contentKey(["report", model.year, options.target]),
    key,
    valid: isRenderedReport,
    compute: () => renderNow(model, templates, options),
  });
}

let fingerprint: string | undefined;

/** The rendering code (templates' helpers, charts, formats) and the packages it draws with. */
function codeHash(): string {
  fingerprint ??= codeFingerprint(
    import.meta.url,
    [".", "../output/charts", "../model", "../text"],
    `${TOOL_VERSION} handlebars@${packageVersion("handlebars")} vega@${packageVersion("vega")} vega-lite@${packageVersion("vega-lite")}`,
  );
  return fingerprint;
}

/**
 * Everything a rendering is a function of, hashed; undefined when that cannot be told (the model
 * holds a value JSON would not keep, a chart spec cannot be read): then it is rendered anew.
 */
function renderKey(
  model: ReportModel,
  templates: TemplateSet,
  options: RenderOptions,
): string | undefined {
  const modelJson = exactJson(model);
  if (modelJson === undefined) return undefined;
  let specs: string[];
  try {
    specs = chartSpecTexts(CHART_NAMES, options.templatesDir);
  } catch {
    return undefined;
  }
  return contentKey([
    codeHash(),
    options.target,
    modelJson,
    templates.report,
    [...templates.partials.values()],
    [...(options.images ?? new Map())],
    options.templatesDir ?? null,
    specs,
  ]);
}

/**
 * `value` as JSON when JSON keeps all of it (plain objects and arrays, strings, finite numbers,
 * booleans, null), else undefined: a Map, undefined or NaN would read as {} or null in a key.
 */
function exactJson(value: unknown): string | undefined {
  let exact = true;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "object" && v !== null) {
      const prototype = Object.getPrototypeOf(v);
      if (!Array.isArray(v) && prototype !== Object.prototype && prototype !== null) exact = false;
    } else if (typeof v === "number") {
      if (!Number.isFinite(v)) exact = false;
    } else if (typeof v !== "string" && typeof v !== "boolean" && v !== null) exact = false;
    return v;
  });
  return exact ? json : undefined;
}

function isRenderedReport(value: unknown): value is RenderedReport {
  const r = value as RenderedReport | undefined;
  return (
    typeof r?.markdown === "string" &&
    Array.isArray(r.charts) &&
    Array.isArray(r.provenance) &&
    typeof r.meta === "object" &&
    r.meta !== null &&
    (r.wordmark === null || typeof r.wordmark === "string")
  );
}

async function renderNow(
  model: ReportModel,
  templates: TemplateSet,
  options: RenderOptions,
): Promise<RenderedReport> {
  const figures = new FigureRegistry(options.target, model, options.images ?? new Map());
  const env = environment(figures);
  const { report, chapters } = await compileAll(env, templates, model, options.cache ?? NO_CACHE);
  const renderedChapters = chapters.map(({ file, compiled }) => ({
    file,
    markdown: run(() => (compiled as Compiled).render(model), file),
  }));
  const slugger = new GithubSlugger();
  const headings = renderedChapters.map((c) => headingsOf(c.markdown, slugger));
  const forewordIndex = headings.findIndex(
    (h) => h[0] !== undefined && FOREWORD.test(h[0].markdown),
  );
  const context = {
    ...model,
    target: {
      name: options.target,
      gfm: options.target === "gfm",
      pandoc: options.target === "pandoc",
    },
    rendered: {
      toc: new Markdown(tocMarkdown(headings.flat())),
      chapters: renderedChapters.map((c, i) => ({
        file: c.file,
        markdown: new Markdown(c.markdown.trim()),
        foreword: i === forewordIndex,
        tocBefore: i === (forewordIndex === -1 || model.tocBeforeForeword ? 0 : -1),
        tocAfter: i === forewordIndex && !model.tocBeforeForeword,
      })),
    },
  };
  const markdown = run(() => report.render(context), report.file);
  const resolved = await figures.resolve(markdown, {
    ...(options.templatesDir !== undefined && { templatesDir: options.templatesDir }),
    cache: (options.cache ?? NO_CACHE).charts,
  });
  return {
    markdown: tidy(resolved.markdown),
    charts: resolved.figures,
    meta: metaOf(model),
    provenance: resolved.provenance,
    wordmark: wordmarkOf(model, options.images ?? new Map()),
  };
}

/** Handlebars' runtime with the presentation helpers and the figure helpers of this rendering. */
function environment(figures: FigureRegistry): typeof Handlebars {
  const env = HandlebarsRuntime.create();
  env.unregisterHelper("log");
  env.registerHelper(PRESENTATION_HELPERS);
  env.registerHelper(
    PRINT_HELPER,
    (value: unknown, name: unknown, opts: Handlebars.HelperOptions) =>
      printValue(value, String(name), opts),
  );
  env.registerHelper(
    "figure",
    function (this: unknown, id: unknown, opts: Handlebars.HelperOptions) {
      return figures.figure(id, opts, this);
    },
  );
  env.registerHelper("tableCaption", function (this: unknown, opts: Handlebars.HelperOptions) {
    return figures.tableCaption(opts, this);
  });
  env.registerHelper("provenanceNote", (note: unknown, opts: Handlebars.HelperOptions) =>
    figures.provenanceNote(note, opts),
  );
  return env;
}

/**
 * The partials (registered in `env`), the report template and the chapters, compiled; their
 * findings together, in that order. Throws TemplateError when there are any.
 */
async function compileAll(
  env: typeof Handlebars,
  templates: TemplateSet,
  model: ReportModel,
  cache: Cache,
) {
  const known = {
    helpers: new Set(Object.keys(env.helpers)),
    partials: new Set(templates.partials.keys()),
  };
  const partials = [...templates.partials.values()];
  const sources = [
    ...partials,
    templates.report,
    ...model.chapters.map((c) => ({ source: c.source, file: c.file })),
  ];
  const results = await Promise.all(
    sources.map((t) => compileTemplate(env, t.source, t.file, known, cache.templates)),
  );
  const diagnostics = results.flatMap((r) => r.diagnostics);
  const compiled = results.map((r) => r.compiled);
  const defaults = Object.fromEntries(partialArguments(partials).map((a) => [a, null]));
  for (const [i, partial] of partials.entries()) {
    const template = compiled[i];
    if (template) env.registerPartial(partial.name, partialWithDefaults(env, template, defaults));
  }
  const report = compiled[partials.length];
  const chapters = model.chapters.map((c, i) => ({
    file: c.file,
    compiled: compiled[partials.length + 1 + i],
  }));
  if (diagnostics.length > 0 || !report) throw new TemplateError(diagnostics);
  return { report, chapters };
}

async function builtInTemplates(): Promise<TemplateSet> {
  const { templates } = await loadTemplates(undefined);
  if (!templates) throw new Error("The built-in templates could not be read.");
  return templates;
}

function run(render: () => string, file: string): string {
  try {
    return render();
  } catch (error) {
    throw new TemplateError([unclaimedDiagnostic(error, file)]);
  }
}

/**
 * Hash arguments a partial may be called without ({{> status-overview}}): absent means null. They
 * are the `name=` that the partials' leading comments document (`caption="…", table=true`).
 */
export function partialArguments(partials: Iterable<{ source: string }>): string[] {
  const names = new Set<string>();
  for (const { source } of partials) {
    const comment = /^\s*\{\{!--([\s\S]*?)--\}\}/.exec(source)?.[1] ?? "";
    for (const [, name] of comment.matchAll(/\b([a-z][A-Za-z]*)=/g)) names.add(name as string);
  }
  return [...names];
}

/**
 * A partial that may be called with or without its hash arguments, and with or without a block:
 * called without one, {{> @partial-block}} inside it renders nothing (instead of failing).
 */
function partialWithDefaults(
  env: typeof Handlebars,
  compiled: Compiled,
  defaults: Record<string, null>,
): Handlebars.Template {
  return ((context: unknown, options: Handlebars.RuntimeOptions & { fn?: unknown } = {}) => {
    const withDefaults =
      context !== null && typeof context === "object" && !Array.isArray(context)
        ? { ...defaults, ...context }
        : context;
    let runtime = options;
    if (typeof options.fn !== "function") {
      const data = env.createFrame(options.data ?? {});
      data["partial-block"] = () => "";
      runtime = { ...options, data };
    }
    return compiled.render(withDefaults, runtime);
  }) as unknown as Handlebars.Template;
}

/** One blank line between blocks, no trailing spaces, one newline at the end. */
function tidy(markdown: string): string {
  return `${markdown
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

/** The cover's wordmark: an SVG of the year's figurer/ folder, named in report.yaml. */
function wordmarkOf(model: ReportModel, images: ReadonlyMap<string, string>): string | null {
  const name = model.report.cover.wordmark;
  if (name === null) return null;
  const svg = images.get(name);
  if (svg !== undefined) return svg;
  throw new TemplateError([
    finding(
      "template/invalid-value",
      { file: `${model.year}/report.yaml`, line: 0, column: 0 },
      { problem: "wordmark", name, year: model.year, known: [...images.keys()] },
    ),
  ]);
}

function metaOf(model: ReportModel): RenderedReport["meta"] {
  const r = model.report;
  return {
    title: r.title,
    lang: "sv-SE",
    year: model.year,
    illustrative: model.illustrative,
    organisation: r.organisation,
    publisher: r.publisher,
    isbn: r.isbn,
    reportNumber: r.reportNumber,
    registrationNumber: r.registrationNumber,
    published: r.published,
    signed: { place: r.signed.place, date: r.signed.date, by: r.signed.by.map((s) => ({ ...s })) },
    cover: { ...r.cover },
    backCover: { lines: [...r.backCover.lines], web: r.backCover.web },
  };
}
