import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { FindingArgs } from "../diagnostics/args.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import type { CountyStatus } from "../schema/county-status.js";
import type { Appropriation, IncomeStatement } from "../schema/finance.js";
import type { ReportMeta } from "../schema/report.js";
import type { Themes } from "../schema/themes.js";
import { type CallsSummary, loadCalls } from "./calls.js";
import {
  confine,
  type DataFile,
  dataFile,
  decodeUtf8,
  readLimited,
  resolveInside,
  SIZE_LIMITS,
} from "./files.js";
import { type GrantPayment, loadGrants } from "./grants.js";
import { type HistoryYear, loadHistory } from "./history.js";
import { LIMITS, longLine, TextBudget } from "./limits.js";
import { checkedYaml, type YamlCacheOptions } from "./yaml-cache.js";
import type { SchemaName, SchemaOutput } from "./yaml-check.js";
import { type YamlSource, yamlSource } from "./yaml-source.js";

/** A validated YAML file together with where each of its values came from. */
export interface Sourced<T> {
  data: T;
  source: YamlSource;
}

export interface Chapter {
  file: DataFile;
  text: string;
}

/** Everything read from one year's folder (and the shared history), each part schema-checked. */
export interface YearData {
  root: string;
  year: number;
  report?: Sourced<ReportMeta>;
  chapters: Chapter[];
  themes?: Sourced<Themes>;
  counties: Sourced<CountyStatus>[];
  incomeStatement?: Sourced<IncomeStatement>;
  appropriation?: Sourced<Appropriation>;
  grants?: { file: string; payments: GrantPayment[] };
  calls?: CallsSummary;
  history?: { file: string; years: HistoryYear[] };
  /** Every input file that was read, for the build manifest. */
  inputs: DataFile[];
}

/** The year folder does not exist: a usage problem (exit 2), not a finding in the data. */
export class MissingYearError extends Error {
  constructor(
    readonly year: number,
    readonly root: string,
  ) {
    super(`There is no folder for ${year} in ${root}.`);
  }
}

async function exists(abs: string): Promise<boolean> {
  return existsSync(abs);
}

type Lacking = FindingArgs["file/absent"]["lacking"];

function absent(rel: string, lacking: Lacking): Diagnostic {
  return finding("file/absent", { file: rel, line: 0, column: 0 }, { file: rel, lacking });
}

async function readText(
  file: DataFile,
  limit: number,
  diagnostics: Diagnostic[],
): Promise<string | undefined> {
  const read = await readLimited(file, limit);
  if ("diagnostic" in read) {
    diagnostics.push(read.diagnostic);
    return undefined;
  }
  const decoded = decodeUtf8(file, read.bytes);
  if ("diagnostic" in decoded) {
    diagnostics.push(decoded.diagnostic);
    return undefined;
  }
  diagnostics.push(...decoded.problems);
  const long = longLine(file, decoded.text);
  if (long) {
    diagnostics.push(long);
    return undefined;
  }
  return decoded.text;
}

async function loadYamlFile<N extends SchemaName>(
  file: DataFile,
  schema: N,
  diagnostics: Diagnostic[],
  options: YamlCacheOptions,
  admitted: ReadonlySet<string>,
): Promise<Sourced<SchemaOutput<N>> | undefined> {
  if (!admitted.has(file.rel)) return undefined;
  const text = await readText(file, SIZE_LIMITS.yaml, diagnostics);
  if (text === undefined) return undefined;
  const checked = await checkedYaml(file.abs, file.rel, text, schema, options);
  diagnostics.push(...checked.diagnostics);
  if (checked.data === undefined) return undefined;
  const source = yamlSource(file.rel, checked.value, checked.positions);
  return { data: checked.data as SchemaOutput<N>, source };
}

// long: every file of a year in one Promise.all, each optional file's consequence beside it
/** Loads `<root>/<year>/` and `<root>/history/`. Throws MissingYearError when the year folder is absent. */
export async function loadYear(
  rootDir: string,
  year: number,
  options: YamlCacheOptions = {},
): Promise<{ data: YearData; diagnostics: Diagnostic[] }> {
  const root = path.resolve(rootDir);
  const yearRel = String(year);
  if (!(await exists(path.join(root, yearRel)))) {
    throw new MissingYearError(year, root);
  }
  // A year folder that is a link elsewhere: one finding, and nothing in it is read.
  const outside = confine(dataFile(root, yearRel));
  if (outside) {
    return { data: { root, year, chapters: [], counties: [], inputs: [] }, diagnostics: [outside] };
  }
  const diagnostics: Diagnostic[] = [];
  const file = (rel: string) => dataFile(root, `${yearRel}/${rel}`);
  const inputs: DataFile[] = [];
  const optional = async <T>(
    f: DataFile,
    lacking: Lacking,
    load: (f: DataFile) => Promise<T>,
  ): Promise<T | undefined> => {
    if (!(await exists(f.abs))) {
      diagnostics.push(absent(f.rel, lacking));
      return undefined;
    }
    inputs.push(f);
    return load(f);
  };

  const reportFile = file("report.yaml");
  inputs.push(reportFile);
  const countyFiles = await statusReportFiles(root, `${yearRel}/counties`, diagnostics);
  // The year's text is admitted in a fixed order, so the same file is refused on every run.
  const budget = new TextBudget();
  const yamlFiles = [
    ...[
      "report.yaml",
      "themes.yaml",
      "finance/income-statement.yaml",
      "finance/appropriation.yaml",
    ].map(file),
    ...(countyFiles ?? []),
  ];
  const admitted = new Set(yamlFiles.filter((f) => budget.admit(f, diagnostics)).map((f) => f.rel));
  const yaml = <N extends SchemaName>(f: DataFile, schema: N) =>
    loadYamlFile(f, schema, diagnostics, options, admitted);
  const [report, themes, counties, incomeStatement, appropriation, grants, calls, history] =
    await Promise.all([
      yaml(reportFile, "report"),
      optional(file("themes.yaml"), "themes", (f) => yaml(f, "themes")),
      loadCounties(countyFiles, inputs, yaml),
      optional(file("finance/income-statement.yaml"), "income-statement", (f) =>
        yaml(f, "income-statement"),
      ),
      optional(file("finance/appropriation.yaml"), "appropriation", (f) =>
        yaml(f, "appropriation"),
      ),
      optional(file("finance/grants.csv"), "grants", async (f) => {
        const loaded = await loadGrants(f);
        diagnostics.push(...loaded.diagnostics);
        return loaded.payments && { file: f.rel, payments: loaded.payments };
      }),
      optional(file("support-line/calls.csv"), "calls", async (f) => {
        const loaded = await loadCalls(f, year);
        diagnostics.push(...loaded.diagnostics);
        return loaded.summary;
      }),
      loadHistoryIfPresent(root, diagnostics, inputs),
    ]);

  const chapters = report
    ? await loadChapters(root, yearRel, report, diagnostics, inputs, budget)
    : [];
  const data: YearData = {
    root,
    year,
    chapters,
    counties,
    inputs: inputs.sort((a, b) => a.rel.localeCompare(b.rel, "en")),
    ...(report && { report }),
    ...(themes && { themes }),
    ...(incomeStatement && { incomeStatement }),
    ...(appropriation && { appropriation }),
    ...(grants && { grants }),
    ...(calls && { calls }),
    ...(history && { history }),
  };
  return { data, diagnostics };
}

/** The status reports' files, sorted; at most LIMITS.statusReports of them. */
async function statusReportFiles(
  root: string,
  rel: string,
  diagnostics: Diagnostic[],
): Promise<DataFile[] | undefined> {
  let names: string[];
  try {
    names = (await readdir(path.join(root, rel))).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch {
    diagnostics.push(absent(rel, "counties"));
    return undefined;
  }
  if (names.length > LIMITS.statusReports) {
    const first = `${rel}/${names[LIMITS.statusReports]}`;
    diagnostics.push(
      finding(
        "counties/too-many",
        { file: first, line: 0, column: 0 },
        { folder: rel, count: names.length, limit: LIMITS.statusReports },
      ),
    );
    names = names.slice(0, LIMITS.statusReports);
  }
  return names.map((n) => dataFile(root, `${rel}/${n}`));
}

async function loadCounties(
  files: DataFile[] | undefined,
  inputs: DataFile[],
  yaml: (f: DataFile, schema: "county") => Promise<Sourced<CountyStatus> | undefined>,
): Promise<Sourced<CountyStatus>[]> {
  if (!files) return [];
  inputs.push(...files);
  const loaded = await Promise.all(files.map((f) => yaml(f, "county")));
  return loaded.filter((c): c is Sourced<CountyStatus> => c !== undefined);
}

async function loadHistoryIfPresent(root: string, diagnostics: Diagnostic[], inputs: DataFile[]) {
  const f = dataFile(root, "history/support-line.csv");
  if (!(await exists(f.abs))) return undefined;
  inputs.push(f);
  const loaded = await loadHistory(f);
  diagnostics.push(...loaded.diagnostics);
  return { file: f.rel, years: loaded.years };
}

async function loadChapters(
  root: string,
  yearRel: string,
  report: Sourced<ReportMeta>,
  diagnostics: Diagnostic[],
  inputs: DataFile[],
  budget: TextBudget,
): Promise<Chapter[]> {
  const chapters = await Promise.all(
    report.data.chapters.map(async (written, i) => {
      const at = { file: report.source.file, ...report.source.locate(["chapters", i]) };
      const resolved = resolveInside(root, `${yearRel}/chapters`, written, at);
      if ("diagnostic" in resolved) {
        diagnostics.push(resolved.diagnostic);
        return undefined;
      }
      if (!existsSync(resolved.file.abs)) {
        diagnostics.push(
          finding("file/missing", at, {
            problem: "chapter",
            chapter: written,
            file: resolved.file.rel,
          }),
        );
        return undefined;
      }
      inputs.push(resolved.file);
      // Admitted before the first await: in the chapters' order, whatever the reads' timing.
      if (!budget.admit(resolved.file, diagnostics)) return undefined;
      const text = await readText(resolved.file, SIZE_LIMITS.markdown, diagnostics);
      return text === undefined ? undefined : { file: resolved.file, text };
    }),
  );
  return chapters.filter((c): c is Chapter => c !== undefined);
}
