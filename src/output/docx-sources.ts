import type { Sourced, YearData } from "../load/dataset.js";
import type { YamlPath, YamlSource } from "../load/yaml-source.js";
import { countyNamesByCode } from "../model/operations.js";
import type { FinanceLine } from "../schema/finance.js";
import { matchKey } from "./docx-anchors.js";

/** Where a block or cell of report.docx comes from: a place in an input, or a computation over one. */
export interface SourceRef {
  /** Relative to the data root, forward slashes: "2023/counties/skane.yaml". */
  file: string;
  line: number;
  column: number;
  /** The YAML value's path: "summary", "lines[0].children[1].outcome". */
  path?: string;
  /** What the figure is computed from: "sum of 395 rows of 2023/support-line/calls.csv". */
  computation?: string;
}

/** A text of the inputs that a paragraph of the DOCX may print: a chapter line or a YAML value. */
export interface TextSource extends SourceRef {
  text: string;
}

/** A table of the report by its caption: rows found by the cell texts they must contain. */
export interface TableSource {
  /** The caption without "Tabell N: ", as matchKey gives it. */
  caption: string;
  /** The caption only begins so: the rest (the years) varies. */
  prefix?: boolean;
  source: SourceRef;
  rows: { match: string[]; source: SourceRef; columns: Record<string, SourceRef> }[];
}

/** A chart or image of the report, found by its alt text or its caption. */
export interface FigureSource {
  alt: string;
  caption: string;
  source: SourceRef;
}

/** Plain data (cloneable), made from the loaded inputs: what the DOCX anchors point at. */
export interface SourceIndex {
  year: number;
  texts: TextSource[];
  tables: TableSource[];
  figures: FigureSource[];
}

/** "5.1 Rubrik", "- punkt", "> citat": the column where a chapter line's own text starts. */
const LINE_MARKERS = /^(?:\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*))*/;

function chapterTexts(data: YearData): TextSource[] {
  return data.chapters.flatMap((chapter) =>
    chapter.text.split(/\r\n|\r|\n/).flatMap((line, i) => {
      if (!line.trim() || /^\s*\{\{!/.test(line)) return [];
      const column = (LINE_MARKERS.exec(line)?.[0].length ?? 0) + 1;
      return [{ file: chapter.file.rel, line: i + 1, column, text: line }];
    }),
  );
}

/** `["lines", 0, "label"]` → `lines[0].label`. */
export function pathText(path: YamlPath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function at(source: YamlSource, path: YamlPath, computation?: string): SourceRef {
  return {
    file: source.file,
    ...source.locate(path),
    path: pathText(path),
    ...(computation && { computation }),
  };
}

/** Every string value of a YAML file with its path: summaries, plans, theme texts, titles. */
function yamlTexts(file: YamlSource): TextSource[] {
  const found: TextSource[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === "string") {
      if (value.trim()) found.push({ ...at(file, path), text: value });
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, [...path, i]);
    } else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(file.value, []);
  return found;
}

function yamlFiles(data: YearData): YamlSource[] {
  const files = [
    data.report,
    data.themes,
    ...data.counties,
    data.incomeStatement,
    data.appropriation,
  ];
  return files.flatMap((f) => (f ? [f.source] : []));
}

/** Every text of the inputs in document order: chapter lines first, then the YAML files' values. */
export function textSources(data: YearData): TextSource[] {
  return [...chapterTexts(data), ...yamlFiles(data).flatMap(yamlTexts)];
}

/** The index of one year's inputs: texts in document order (chapters first), tables, figures. */
export function sourceIndex(data: YearData, figures: readonly FigureInfo[]): SourceIndex {
  return {
    year: data.year,
    texts: textSources(data),
    tables: tableSources(data),
    figures: figureSources(data, figures),
  };
}

/** A chart or image as RenderedReport lists it. */
export interface FigureInfo {
  fileName: string;
  alt: string;
  caption: string;
}

function callsFile(data: YearData): SourceRef | undefined {
  const calls = data.calls;
  if (!calls) return undefined;
  return {
    file: calls.file,
    line: 1,
    column: 1,
    computation: `sum of ${calls.calls} rows of ${calls.file}`,
  };
}

/** The data behind each chart: the calls, the income statement, or the year's own image. */
function figureSources(data: YearData, figures: readonly FigureInfo[]): FigureSource[] {
  return figures.flatMap((f) => {
    const name = f.fileName.replace(/^.*\//, "").replace(/\.(svg|png)$/, "");
    const source = figureSource(data, name);
    return source ? [{ alt: matchKey(f.alt), caption: matchKey(f.caption), source }] : [];
  });
}

function figureSource(data: YearData, name: string): SourceRef | undefined {
  if (name === "calls-per-year") {
    const calls = callsFile(data);
    const history = data.history?.file;
    return calls && history
      ? { ...calls, computation: `${calls.computation}, earlier years from ${history}` }
      : calls;
  }
  if (name.startsWith("calls-") || name.startsWith("exposure")) return callsFile(data);
  if (name.startsWith("finance-") && data.incomeStatement)
    return at(
      data.incomeStatement.source,
      ["lines"],
      `the lines of ${data.incomeStatement.source.file}`,
    );
  // A year's own image is placed by a chapter line: {{figure "organisation" …}}.
  const placing = chapterTexts(data).find((t) => t.text.includes(`figure "${name}"`));
  return placing && { file: placing.file, line: placing.line, column: placing.column };
}

function tableSources(data: YearData): TableSource[] {
  const tables: TableSource[] = [];
  const statement = (
    s: Sourced<{ title: string; lines: FinanceLine[] }> | undefined,
    kind: string,
  ) => {
    if (s) tables.push(statementTable(s, kind));
  };
  statement(data.incomeStatement, "resultaträkning");
  statement(data.appropriation, "anslagsredovisning");
  if (data.grants) tables.push(grantsTable(data.grants, data.year));
  tables.push(statusTable(data), ...supportLineTables(data));
  return tables;
}

/** The support line's tables: counts over calls.csv; the years before it from the history file. */
function supportLineTables(data: YearData): TableSource[] {
  const calls = callsFile(data);
  if (!calls) return [];
  const history = data.history;
  const years = (history?.years ?? []).map((h) => ({
    match: [String(h.year)],
    source: { file: history?.file ?? "", line: h.line, column: 1 },
    columns: {},
  }));
  years.push({ match: [String(data.year)], source: calls, columns: {} });
  const table = (caption: string, rows: TableSource["rows"] = []) => ({
    caption,
    source: calls,
    rows,
    prefix: true,
  });
  return [
    table("antal inkomna samtal per år", years),
    table("antal samtal per organisation"),
    table("antal samtal per län"),
    table("utsatta individer per typ av utsatthet"),
  ];
}

const DEVIATIONS = ["prognosavvikelse", "prognosavvikelse (%)", "upparbetningsgrad"];

/** Resultaträkning or anslagsredovisning: each row at its label, each figure at its value. */
function statementTable(
  s: Sourced<{
    title: string;
    lines: FinanceLine[];
    outcome_label?: string;
    forecast_label?: string;
  }>,
  kind: string,
): TableSource {
  const { source, data } = s;
  const rows: TableSource["rows"] = [];
  const outcome = matchKey(data.outcome_label ?? "");
  const forecast = matchKey(data.forecast_label ?? "");
  const walk = (lines: readonly FinanceLine[], path: (string | number)[]) =>
    lines.forEach((line, i) => {
      const here = [...path, i];
      const label = at(source, [...here, "label"]);
      const computed = (what: string) => ({ ...label, computation: `${what} of "${line.label}"` });
      const columns: Record<string, SourceRef> = Object.fromEntries(
        DEVIATIONS.map((d) => [
          d,
          computed(d === "upparbetningsgrad" ? "outcome / forecast" : "forecast − outcome"),
        ]),
      );
      const value = (key: "outcome" | "forecast") =>
        line[key] !== undefined
          ? at(source, [...here, key])
          : computed(`sum of the ${line.children?.length ?? 0} lines under`);
      if (outcome) columns[outcome] = value("outcome");
      if (forecast) columns[forecast] = value("forecast");
      rows.push({ match: [matchKey(line.label)], source: label, columns });
      if (line.children) walk(line.children, [...here, "children"]);
    });
  walk(data.lines, ["lines"]);
  const caption = matchKey(`${kind}, ${data.title} (${kind === "resultaträkning" ? "tkr" : "kr"})`);
  return { caption, source: at(source, ["title"]), rows };
}

/** Lämnade bidrag: each payment at its line of grants.csv, the total as the sum of them all. */
function grantsTable(grants: NonNullable<YearData["grants"]>, year: number): TableSource {
  const file = grants.file;
  const rows: TableSource["rows"] = grants.payments.map((p) => ({
    match: [digits(p.amount), p.paid],
    source: { file, line: p.line, column: 1 },
    columns: {
      "belopp (kr)": { file, ...p.at.amount },
      leverantör: { file, ...p.at.recipient },
      "bet.datum": { file, ...p.at.paid },
    },
  }));
  const total = {
    file,
    line: 1,
    column: 1,
    computation: `sum of ${grants.payments.length} rows of ${file}`,
  };
  rows.push({ match: ["summa"], source: total, columns: {} });
  return {
    caption: matchKey(`Lämnade bidrag till länsstyrelserna under ${year}`),
    source: { file, line: 1, column: 1 },
    rows,
  };
}

/** 1105000 → "1105000", as a cell "1 105 000" reads once its spaces are gone. */
export const digits = (n: number) => String(Math.round(n));

const STATUS_COLUMNS: Record<string, string> = {
  län: "county",
  verksamhet: "operation",
  projektomgång: "round",
  fas: "phase",
  "operativt stöd sedan": "operational_since",
  huvudman: "principal",
};

/** Resurscentraverksamheterna: a row per status report, each column at its key. */
function statusTable(data: YearData): TableSource {
  const rows = data.counties.map(({ source, data: county }) => ({
    match: [matchKey(county.operation ?? countyNamesByCode(county.county).name)],
    source: at(source, ["county"]),
    columns: Object.fromEntries(
      Object.entries(STATUS_COLUMNS).map(([header, key]) => [header, at(source, [key])]),
    ),
  }));
  return {
    caption: matchKey(`Resurscentraverksamheterna ${data.year}`),
    source: { file: `${data.year}/counties/`, line: 0, column: 0 },
    rows,
  };
}
