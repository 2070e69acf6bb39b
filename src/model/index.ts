import type { CallsSummary } from "../load/calls.js";
import type { YearData } from "../load/dataset.js";
import { formatSwedishDate } from "./format.js";
import { type OperationModel, operationsOf, type RoundModel } from "./operations.js";
import { ProvenanceIndex } from "./provenance.js";
import { type ReportProvenance, reportProvenanceOf } from "./report-provenance.js";
import {
  type AppropriationModel,
  appropriationOf,
  type GrantsModel,
  grantsOf,
  incomeStatementOf,
  type StatementModel,
} from "./statements.js";
import { type SupportLineModel, supportLineOf } from "./support-line.js";
import { type ThemesModel, themesOf } from "./themes.js";

export type { CountyNames, OperationModel, RoundModel } from "./operations.js";
export type { ProvenanceNote } from "./provenance.js";
export type { ReportProvenance } from "./report-provenance.js";
export type {
  AppropriationModel,
  GrantsModel,
  StatementModel,
  StatementRow,
} from "./statements.js";
export type { SupportLineModel, SupportLineYear } from "./support-line.js";
export type { ThemeModel, ThemesModel } from "./themes.js";

export interface ReportMetaModel {
  title: string;
  organisation: string;
  publisher: string;
  isbn: string;
  reportNumber: string;
  registrationNumber: string;
  /** Utgivningsår. */
  published: number;
  signed: {
    place: string;
    date: string;
    /** "1 mars 2024". */
    dateText: string;
    by: { name: string; title: string }[];
  };
  /** The cover: subtitle (default the organisation), the wordmark image's name in figurer/. */
  cover: { subtitle: string; wordmark: string | null };
  /** The back cover: the publisher's name and address, line by line, and its web address. */
  backCover: { lines: string[]; web: string | null };
}

export interface DisclosureModel {
  /** options.disclosure.min_count; null = no suppression. */
  minCount: number | null;
  /** The table note: "– Antal mellan 1 och 3 redovisas inte (röjandeskydd)." */
  note: string | null;
}

/**
 * Everything a template or chapter sees, computed once from validated data: no template computes.
 * Documented variable by variable in the README ("Model variables").
 */
export interface ReportModel {
  year: number;
  illustrative: boolean;
  report: ReportMetaModel;
  operations: OperationModel[];
  rounds: RoundModel[];
  countiesWithoutCentre: OperationModel[];
  /** Operations with a status report, and the counties they are in. */
  operationCount: number;
  countyCount: number;
  themes: ThemesModel;
  supportLine: SupportLineModel | null;
  finance: {
    incomeStatement: StatementModel | null;
    appropriation: AppropriationModel | null;
    grants: GrantsModel | null;
  };
  disclosure: DisclosureModel;
  /** options.toc_before_foreword: the table of contents before the Förord (default after it). */
  tocBeforeForeword: boolean;
  /** Notes for what draws on figures that are not published (`provenance:` in the data). */
  provenance: ReportProvenance;
  /** The chapters in report order: file (relative to the data root) and Markdown+Handlebars source. */
  chapters: { file: string; source: string }[];
}

export interface ModelInput {
  /** calls.csv of earlier years in the same data root (the series and last year's exposure). */
  earlierCalls?: ReadonlyMap<number, CallsSummary>;
}

// long: the report model's shape, one field per line, read top to bottom like the report
/** Pure: validated year data → the report model. Throws if report.yaml is missing (validate first). */
export function buildReportModel(data: YearData, input: ModelInput = {}): ReportModel {
  const report = data.report?.data;
  if (!report)
    throw new Error("The report model needs a valid report.yaml: validate the year first.");
  const operations = operationsOf(data.counties);
  const minCount = report.options.disclosure?.min_count;
  const appropriation = data.appropriation ? appropriationOf(data.appropriation.data) : null;
  return {
    year: data.year,
    illustrative: report.illustrative,
    report: {
      title: report.title,
      organisation: report.organisation,
      publisher: report.publisher,
      isbn: report.isbn,
      reportNumber: report.report_number,
      registrationNumber: report.registration_number,
      published: report.published,
      signed: {
        place: report.signed.place,
        date: report.signed.date,
        dateText: formatSwedishDate(report.signed.date),
        by: report.signed.by.map((s) => ({ name: s.name, title: s.title })),
      },
      cover: {
        subtitle: report.cover.subtitle ?? report.organisation,
        wordmark: report.cover.wordmark ?? null,
      },
      backCover: {
        lines: report.back_cover.lines ?? [report.publisher],
        web: report.back_cover.web ?? null,
      },
    },
    operations: operations.operations,
    rounds: operations.rounds,
    countiesWithoutCentre: operations.countiesWithoutCentre,
    operationCount: operations.operationCount,
    countyCount: operations.countyCount,
    themes: themesOf(data.themes?.data, operations.operations),
    supportLine: supportLineOf({
      year: data.year,
      calls: data.calls,
      history: data.history?.years ?? [],
      earlierCalls: input.earlierCalls ?? new Map(),
      minCount,
    }),
    finance: {
      incomeStatement: data.incomeStatement
        ? incomeStatementOf(data.incomeStatement.data, data.year)
        : null,
      appropriation,
      grants: data.grants ? grantsOf(data.grants.payments, appropriation) : null,
    },
    disclosure: {
      minCount: minCount ?? null,
      note:
        minCount === undefined
          ? null
          : `– Antal mellan 1 och ${minCount} redovisas inte (röjandeskydd).`,
    },
    tocBeforeForeword: report.options.toc_before_foreword,
    provenance: reportProvenanceOf(data, new ProvenanceIndex(data), operations.operations),
    chapters: data.chapters.map((c) => ({ file: c.file.rel, source: c.text })),
  };
}
