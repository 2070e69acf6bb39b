import { codeFingerprint, contentKey } from "../../cache-key.js";
import { type CacheSpace, NO_CACHE } from "../../cache-space.js";
import { MONTHS_SV } from "../../model/format.js";
import { packageVersion, TOOL_VERSION } from "../../version.js";
import { FONT_FAMILY, textWidth } from "./font-metrics.js";
import type { ChartName } from "./registry.js";
import { ChartSpecError, chartSpecPath, readSpec, specText } from "./spec.js";

/** Swedish number format for every `format` in a spec: "1 019", "13 913 620", "−190", "12,5". */
export const SWEDISH_NUMBER_LOCALE = {
  decimal: ",",
  thousands: "\u00a0",
  grouping: [3],
  currency: ["", "\u00a0kr"],
  minus: "\u2212",
};

/** Swedish dates, should a spec format a time ("1 mars 2024"). */
export const SWEDISH_TIME_LOCALE = {
  dateTime: "%A den %d %B %Y %X",
  date: "%Y-%m-%d",
  time: "%H:%M:%S",
  periods: ["fm", "em"],
  days: ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
  shortDays: ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
  months: [...MONTHS_SV],
  shortMonths: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
};

export interface RenderInput {
  name: ChartName;
  /** Rows for the spec's named dataset `values`. */
  values: readonly object[];
  templatesDir?: string;
  /** The cache's `charts` namespace; none: drawn every time. */
  cache?: CacheSpace | undefined;
  /** A footnote drawn under the chart when the spec has no title of its own. */
  note?: string;
}

/**
 * Renders a chart spec with its data to an SVG string: same input, same bytes. An unchanged
 * chart (same spec, same data, same code) is read from the cache, so a rebuild whose
 * support-line and finance figures did not change never loads vega.
 */
export async function renderChartSvg(input: RenderInput): Promise<string> {
  const file = chartSpecPath(input.name, input.templatesDir);
  const key = contentKey([chartCodeHash(), specText(file), input.values, input.note ?? null]);
  return (input.cache ?? NO_CACHE.charts).result({
    // By content: charts of several years or data folders stay cached side by side.
    slot: key,
    key,
    valid: (svg): svg is string => typeof svg === "string",
    compute: () => oneAtATime(() => renderNow(input)),
  });
}

// vega keeps text metrics and SVG def ids (clip paths) in module state: one render at a time.
let queue: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(render: () => Promise<T>): Promise<T> {
  const run = queue.then(render);
  queue = run.catch(() => undefined);
  return run;
}

let codeHash: string | undefined;

/** The chart code and the renderer's versions: an upgraded vega never meets old cached SVGs. */
function chartCodeHash(): string {
  codeHash ??= codeFingerprint(
    import.meta.url,
    ["."],
    `${TOOL_VERSION} vega@${packageVersion("vega")} vega-lite@${packageVersion("vega-lite")}`,
  );
  return codeHash;
}

async function renderNow({ name, values, templatesDir, note }: RenderInput): Promise<string> {
  const file = chartSpecPath(name, templatesDir);
  const spec = await readSpec(file);
  if (note && spec.title === undefined) spec.title = noteTitle(note);
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);

  // Layout measures text with the bundled font, never with a canvas that may or may not exist.
  (vega as unknown as { textMetrics: TextMetrics }).textMetrics.width = measureText;

  // Silent: warnings are not the charts' to print; errors are thrown as ChartSpecError.
  const logger = vega.logger(vega.None);
  let view: import("vega").View;
  try {
    const topLevel = spec as unknown as import("vega-lite").TopLevelSpec;
    const compiled = vegaLite.compile(topLevel, { logger }).spec;
    view = new vega.View(vega.parse(compiled), {
      renderer: "none",
      // vega reads {number, time} definitions here; its typings say formatter functions.
      locale: { number: SWEDISH_NUMBER_LOCALE, time: SWEDISH_TIME_LOCALE } as never,
      logger,
    });
  } catch (error) {
    throw new ChartSpecError(`invalid chart spec: ${(error as Error).message}`, file);
  }
  try {
    // Copies: vega marks the objects it is given. A spec without `"data": {"name": "values"}` fails here.
    view.data(
      "values",
      values.map((row) => ({ ...row })),
    );
    await view.runAsync();
    vega.resetSVGDefIds();
    return await view.toSVG();
  } catch (error) {
    throw new ChartSpecError(`chart spec failed to render: ${(error as Error).message}`, file);
  } finally {
    view.finalize();
  }
}

interface TextItem {
  fontSize?: number;
  fontWeight?: unknown;
  limit?: number;
}
interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

function measureText(item: TextItem, text: unknown): number {
  const line = text == null ? "" : String(text).trim();
  const width = textWidth(line, Number(item.fontSize ?? 11), item.fontWeight);
  // vega truncates a label longer than its limit before drawing it.
  const limit = Number(item.limit);
  return limit > 0 ? Math.min(width, limit) : width;
}

function noteTitle(note: string) {
  return {
    text: note,
    orient: "bottom",
    anchor: "start",
    font: FONT_FAMILY,
    fontSize: 11,
    fontWeight: "normal",
    color: "#404040",
    offset: 10,
  };
}
