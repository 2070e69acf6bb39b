import path from "node:path";
import type { HelperOptions } from "handlebars";
import { finding } from "../diagnostics/finding.js";
import type { ProvenanceNote, ReportModel } from "../model/index.js";
import {
  CHART_NAMES,
  type ChartOptions,
  type ChartTable,
  chartDefinition,
} from "../output/recipe.js";
import { TemplateError } from "./errors.js";
import { escapeMarkdownInline, MARKER_END, MARKER_START } from "./escape.js";
import { locOf, Markdown, TemplateValueError } from "./values.js";

export type Target = "gfm" | "pandoc";

/** A chart or image of the rendered report, as the output recipes write it. */
export interface RenderedFigure {
  /** Relative to the Markdown: "figurer/calls-per-year.svg" (gfm) or ".png" (pandoc: the recipe converts). */
  fileName: string;
  svg: string;
  alt: string;
  /** The caption as printed: "Figur 2: Antal inkomna samtal per helår 2015–2023". */
  caption: string;
  /** A chart's figures (the HTML edition shows them as a table and a CSV file); none for images. */
  table?: ChartTable;
}

/** A provenance note as printed, with what it stands under: for manifest.json. */
export interface PrintedProvenance {
  /** "Figur 3: Antal samtal per organisation 2023", "Tabell 1: …", or the partial's `about=`. */
  about: string;
  status: ProvenanceNote["status"];
  note: string;
  sources: string[];
}

/** The provenance note of a chart or of the year's image of that name. */
function figureProvenance(model: ReportModel, id: string): ProvenanceNote | null {
  const chart = chartDefinition(id);
  return chart ? (chart.provenance(model) ?? null) : (model.provenance.images[id] ?? null);
}

interface ChartLike {
  svg: string;
  alt: string;
  title: string;
  /** The figures a chart draws; a year's own image has none. */
  table?: ChartTable;
}

interface FigureRequest {
  id: string;
  number: number | null;
  caption: string | null;
  alt: string | null;
}

/** Numbers figures and tables in reading order and remembers which charts the report uses. */
// Both Markdown targets of one build use the same charts: render each once per model.
const chartsByModel = new WeakMap<ReportModel, Map<string, Promise<ChartLike>>>();

function sharedChart(
  model: ReportModel,
  key: string,
  make: () => Promise<ChartLike>,
): Promise<ChartLike> {
  let charts = chartsByModel.get(model);
  if (!charts) {
    charts = new Map();
    chartsByModel.set(model, charts);
  }
  let chart = charts.get(key);
  if (!chart) {
    chart = make();
    charts.set(key, chart);
  }
  return chart;
}

export class FigureRegistry {
  private readonly requests: FigureRequest[] = [];
  private figures = 0;
  private tables = 0;
  private lastTableCaption = "";
  private readonly printed: PrintedProvenance[] = [];

  constructor(
    readonly target: Target,
    private readonly model: ReportModel,
    private readonly images: ReadonlyMap<string, string>,
  ) {}

  /** {{figure "calls-per-year"}} or {{#figure "calls-per-year"}}caption{{/figure}}: a marker, resolved after rendering. */
  figure(id: unknown, options: HelperOptions, context: unknown): Markdown {
    const chart = typeof id === "string" ? chartDefinition(id) : undefined;
    if (typeof id !== "string" || (!chart && !this.images.has(id))) {
      throw new TemplateValueError(
        "template/invalid-value",
        `{{figure}}: there is no chart or image "${String(id)}".`,
        `Use one of the charts ${CHART_NAMES.join(", ")}, or an SVG file in the year's figurer/ folder: ${[...this.images.keys()].join(", ") || "(none)"}.`,
        locOf(options),
      );
    }
    if (chart && chart.draw(this.model, {}) === null) {
      throw new TemplateValueError(
        "template/no-value",
        `{{figure "${id}"}}: this year's data has nothing to draw in it.`,
        "Leave the figure out, or guard it with {{#if …}} (see the README, Partials).",
        locOf(options),
      );
    }
    const fromBlock =
      typeof options.fn === "function" ? options.fn(context).replace(/\s+/g, " ").trim() : "";
    const caption =
      fromBlock !== ""
        ? fromBlock
        : typeof options.hash?.caption === "string"
          ? escapeMarkdownInline(options.hash.caption)
          : null;
    const numbered = options.hash?.numbered !== false;
    const alt = typeof options.hash?.alt === "string" ? options.hash.alt : null;
    if (!chart && alt === null) {
      throw new TemplateValueError(
        "template/invalid-value",
        `{{figure "${id}"}}: an image needs alt text.`,
        `Describe the image for readers who cannot see it: {{figure "${id}" alt="…"}}.`,
        locOf(options),
      );
    }
    this.requests.push({ id, number: numbered ? ++this.figures : null, caption, alt });
    return new Markdown(`${MARKER_START}figure:${this.requests.length - 1}${MARKER_END}`);
  }

  /** {{#tableCaption}}Resultaträkning {{year}}{{/tableCaption}} → "*Tabell 2: …*" or "Table: Tabell 2: …". */
  tableCaption(options: HelperOptions, context: unknown): Markdown {
    const text = (typeof options.fn === "function" ? options.fn(context) : "")
      .replace(/\s+/g, " ")
      .trim();
    const caption = `Tabell ${++this.tables}: ${text}`;
    this.lastTableCaption = plainCaption(caption);
    return new Markdown(this.target === "gfm" ? `*${caption}*` : `Table: ${caption}`);
  }

  /**
   * {{provenanceNote provenance.supportLine.county}} under a table or line: the note in italics
   * (`marker="*"` first when the cells carry that mark), remembered for manifest.json.
   */
  provenanceNote(note: unknown, options: HelperOptions): Markdown {
    if (note === null || note === undefined) return new Markdown("");
    const n = note as ProvenanceNote;
    if (typeof n.text !== "string" || !Array.isArray(n.sources)) {
      throw new TemplateValueError(
        "template/invalid-value",
        "{{provenanceNote}} needs a provenance note of the model (provenance.…).",
        "Pass one of the model's provenance notes, e.g. {{provenanceNote @root.provenance.grants}}.",
        locOf(options),
      );
    }
    const about = typeof options.hash?.about === "string" ? options.hash.about : "";
    this.printed.push({
      about: about || this.lastTableCaption,
      status: n.status,
      note: n.text,
      sources: n.sources,
    });
    const marker = typeof options.hash?.marker === "string" ? `${options.hash.marker} ` : "";
    return new Markdown(`*${escapeMarkdownInline(`${marker}${n.text}`)}*`);
  }

  /** Renders the charts the report uses and puts their Markdown where the markers are. */
  async resolve(markdown: string, settings: ChartOptions) {
    const { templatesDir } = settings;
    const rendered = await Promise.all(
      this.requests.map(async (request) => {
        const render = chartDefinition(request.id)?.draw(this.model, settings);
        if (render)
          return sharedChart(this.model, `${templatesDir}\u0000${request.id}`, () =>
            render().catch((error: unknown) => chartFailed(error, request.id, templatesDir)),
          );
        return { svg: this.images.get(request.id) as string, alt: request.alt ?? "", title: "" };
      }),
    );
    const figures: RenderedFigure[] = [];
    const seen = new Set<string>();
    const markup = this.requests.map((request, i) => {
      const chart = rendered[i] as ChartLike;
      const extension = this.target === "gfm" ? "svg" : "png";
      const fileName = `figurer/${request.id}.${extension}`;
      const captionText = request.caption ?? escapeMarkdownInline(chart.title);
      const caption =
        request.number === null ? captionText : `Figur ${request.number}: ${captionText}`;
      const note = figureProvenance(this.model, request.id);
      const alt = [request.alt ?? chart.alt, note?.text].filter(Boolean).join(" ");
      const noteText = note ? `*${escapeMarkdownInline(note.text)}*` : "";
      if (note)
        this.printed.push({
          about: plainCaption(caption),
          status: note.status,
          note: note.text,
          sources: note.sources,
        });
      if (!seen.has(fileName)) {
        seen.add(fileName);
        const table = chart.table ? { table: chart.table } : {};
        figures.push({ fileName, svg: chart.svg, alt, caption: plainCaption(caption), ...table });
      }
      return this.target === "gfm"
        ? // The caption above the chart, as published (and as the PDF and HTML have it); the note under.
          `*${caption}*\n\n![${escapeMarkdownInline(alt)}](${fileName})${note ? `\n\n${noteText}` : ""}`
        : // The note in the caption, on a line of its own: it stays with the chart when it floats.
          `![${caption}${note ? `\\\n${noteText}` : ""}](${fileName}){alt="${attribute(alt)}"}`;
    });
    const resolved = markdown.replace(
      new RegExp(`${MARKER_START}figure:(\\d+)${MARKER_END}`, "g"),
      (_, i: string) => markup[Number(i)] as string,
    );
    return { markdown: resolved, figures, provenance: this.printed };
  }
}

/** A chart spec that cannot be drawn (an override that is not valid Vega-Lite): a template error. */
function chartFailed(error: unknown, id: string, templatesDir: string | undefined): never {
  const e = error as Error & { file?: string };
  const root = templatesDir ? path.dirname(templatesDir) : undefined;
  const inProject = e.file && root && !path.relative(root, e.file).startsWith("..");
  const file = inProject
    ? path
        .relative(root, e.file as string)
        .split(path.sep)
        .join("/")
    : `templates/charts/${id}.vl.json`;
  throw new TemplateError([
    finding("template/chart", { file, line: 0, column: 0 }, { id, detail: e.message }),
  ]);
}

/** A pandoc attribute value in double quotes: backslashes and quotes escaped, one line. */
function attribute(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/[\\"]/g, "\\$&");
}

/** Escaped Markdown back to plain text, for the caption the recipes get. */
function plainCaption(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}
