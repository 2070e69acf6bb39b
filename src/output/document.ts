import type { ReportMetaModel } from "../model/index.js";
import type { SourceIndex } from "./docx-sources.js";
import { fitTableColumns } from "./table-widths.js";

/** What the DOCX and PDF recipes convert: the pandoc-flavoured Markdown of the report and its charts. */
export interface DocumentInput {
  /** Markdown for pandoc; images referenced as `figurer/<name>.png` (DOCX) or `.svg` (PDF), or by bare name. */
  markdown: string;
  charts: readonly { fileName: string; svg: string; alt: string }[];
  meta: DocumentMeta;
  /** The cover's wordmark (SVG), or null. */
  wordmark: string | null;
  /** DOCX: the inputs its hidden source anchors point at (docx-sources.ts). */
  sources?: SourceIndex;
}

/** The report's metadata that goes into DOCX properties and the PDF's title page and colophon. */
export type DocumentMeta = Pick<
  ReportMetaModel,
  | "title"
  | "organisation"
  | "publisher"
  | "isbn"
  | "reportNumber"
  | "registrationNumber"
  | "published"
  | "cover"
  | "backCover"
> & { lang: string };

/** The colophon's rows, label and value, in the published report's order. */
export function colophonRows(meta: DocumentMeta): [string, string][] {
  return [
    ["Titel", meta.title],
    ["Författare", meta.organisation],
    ["ISBN", meta.isbn],
    ["Rapportnummer", meta.reportNumber],
    ["Diarienummer", meta.registrationNumber],
    ["Utgivningsår", String(meta.published)],
  ];
}

export interface DocumentOptions {
  /** Stamp line on every page: "UTKAST · 1a2b3c4 · 2026-11-23", "Exempeldata", or "" for none. */
  stamp: string;
  /** The document's date (creation/modification), never the clock: from the data or SOURCE_DATE_EPOCH. */
  date: Date;
}

/**
 * The Markdown dialect pandoc reads the report in: without raw output blocks and inlines
 * (`{=typst}`, `{=openxml}`) and raw TeX, so a chapter can only ever give text, never layout or
 * code for the converters. Raw HTML stays on: the DOCX and Typst writers drop it, and with it an
 * author's `<!-- comment -->` (validate refuses every other HTML in a chapter).
 */
export const PANDOC_MARKDOWN = "markdown-raw_attribute-raw_tex";

/** Pandoc's virtual file system is flat: `figurer/x.svg` must be referenced as `x.svg`. */
export function flattenImagePaths(markdown: string, extension: "png" | "svg"): string {
  return markdown.replace(
    /(!\[[^\]]*\]\()(?:[^()\s]*\/)?([^()\s/]+)\.(?:svg|png)(\))/g,
    (_, open: string, name: string, close: string) => `${open}${name}.${extension}${close}`,
  );
}

export function baseName(fileName: string): string {
  return fileName.replace(/^.*\//, "").replace(/\.(svg|png)$/, "");
}

/** Only what the converters need, so the message to a worker stays small and cloneable. */
export function documentInput(report: DocumentInput): DocumentInput {
  return {
    markdown: fitTableColumns(report.markdown),
    charts: report.charts.map(({ fileName, svg, alt }) => ({ fileName, svg, alt })),
    meta: {
      title: report.meta.title,
      organisation: report.meta.organisation,
      publisher: report.meta.publisher,
      isbn: report.meta.isbn,
      reportNumber: report.meta.reportNumber,
      registrationNumber: report.meta.registrationNumber,
      published: report.meta.published,
      cover: report.meta.cover,
      backCover: report.meta.backCover,
      lang: report.meta.lang,
    },
    wordmark: report.wordmark,
  };
}
