import { readFile } from "node:fs/promises";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { type CacheSpace, NO_CACHE } from "../cache-space.js";
import { escapeXml } from "../text/xml.js";
import { renderChartPng } from "./charts/index.js";
import type { DocumentInput, DocumentOptions } from "./document.js";
import {
  baseName,
  colophonRows,
  documentInput,
  flattenImagePaths,
  PANDOC_MARKDOWN,
} from "./document.js";
import { anchorDocument } from "./docx-anchors.js";
import { embedFonts, layoutDocx } from "./docx-layout.js";
import { type SourceIndex, type SourceRef, sourceIndex } from "./docx-sources.js";
import { escapeMarkdownInline, type MakeFiles } from "./recipe.js";
import { BUILTIN_TEMPLATES, templateFile } from "./templates-path.js";

/** Placeholder in the reference document's header that each build replaces with its stamp. */
const STAMP_PLACEHOLDER = "NCH_REPORT_STAMP";

/**
 * Markdown → DOCX with pandoc-wasm and the house-style reference document, then made
 * reproducible: dates from the data, the stamp filled in, zip entries in fixed order and time.
 */
export async function renderDocx(
  input: DocumentInput,
  referenceDocPath: string,
  options: DocumentOptions,
  pngs?: Readonly<Record<string, Uint8Array>>,
): Promise<Uint8Array> {
  return (await renderDocxWithSources(input, referenceDocPath, options, pngs)).bytes;
}

/** The DOCX and what each of its hidden source anchors names (none without input.sources). */
export interface DocxResult {
  bytes: Uint8Array;
  sources: Record<string, SourceRef>;
}

export async function renderDocxWithSources(
  input: DocumentInput,
  referenceDocPath: string,
  options: DocumentOptions,
  pngs?: Readonly<Record<string, Uint8Array>>,
): Promise<DocxResult> {
  const [{ convert }, referenceDoc, images, fonts] = await Promise.all([
    import("pandoc-wasm"),
    readFile(referenceDocPath),
    pngs ?? chartPngs(input),
    embeddedFonts(),
  ]);
  const files: Record<string, Blob> = { "reference.docx": new Blob([referenceDoc]) };
  for (const [name, png] of Object.entries(images)) files[name] = new Blob([png]);
  const result = await convert(
    {
      from: PANDOC_MARKDOWN,
      to: "docx",
      "output-file": "report.docx",
      "reference-doc": "reference.docx",
      "table-of-contents": true,
      "toc-depth": 3,
      metadata: {
        title: input.meta.title,
        author: input.meta.organisation,
        lang: input.meta.lang,
        "toc-title": "Innehållsförteckning",
      },
    },
    colophon(input.meta, input.wordmark !== null) +
      flattenImagePaths(input.markdown, "png") +
      backCover(input.meta),
    files,
  );
  const docx = result.files["report.docx"];
  if (!docx) throw new Error(`pandoc produced no DOCX: ${result.stderr}`);
  let sources: Record<string, SourceRef> = {};
  const bytes = reproducibleDocx(new Uint8Array(await docx.arrayBuffer()), options, (parts) => {
    layoutDocx(parts, input.meta.title);
    embedFonts(parts, fonts);
    if (input.sources) sources = anchorParts(parts, input.sources);
  });
  return { bytes, sources };
}

/** Source Sans 3 from the shipped fonts, to embed. */
async function embeddedFonts() {
  const font = (name: string) => readFile(path.join(BUILTIN_TEMPLATES, "fonts", name));
  const [regular, bold, italic, boldItalic] = await Promise.all([
    font("SourceSans3_400Regular.ttf"),
    font("SourceSans3_700Bold.ttf"),
    font("SourceSans3_400Regular_Italic.ttf"),
    font("SourceSans3_700Bold_Italic.ttf"),
  ]);
  return { regular, bold, italic, boldItalic };
}

/** The back cover: the publisher's lines and web address, centred on a page of its own (style BackCover). */
function backCover(meta: DocumentInput["meta"]): string {
  const lines = [...meta.backCover.lines, ...(meta.backCover.web ? [meta.backCover.web] : [])];
  return `\n\n::: {custom-style="Back Cover"}\n${lines.map(escapeMarkdownInline).join("\\\n")}\n:::\n`;
}

/** Word shows no SVG without a PNG fallback: each chart as PNG at print resolution, by file name. */
/** The cover's wordmark in pandoc's file system. */
const WORDMARK_PNG = "cover-wordmark.png";

export async function chartPngs(
  input: Pick<DocumentInput, "charts" | "wordmark">,
  cache: CacheSpace = NO_CACHE.charts,
): Promise<Record<string, Uint8Array>> {
  const pngs: Record<string, Uint8Array> = {};
  for (const chart of input.charts)
    pngs[`${baseName(chart.fileName)}.png`] = await renderChartPng(chart.svg, { cache });
  if (input.wordmark) pngs[WORDMARK_PNG] = await renderChartPng(input.wordmark, { cache });
  return pngs;
}

/**
 * The title page — title, author, then (as pandoc's date line) the wordmark and the publisher —
 * and the colophon (Titel, Författare, ISBN, …) on the next page, as the published report has
 * them: a pandoc abstract without a heading, whose style starts a page. Values are data: escaped.
 */
function colophon(meta: DocumentInput["meta"], wordmark: boolean): string {
  const lines = colophonRows(meta)
    .map(([label, value]) => `| ${label}: ${escapeMarkdownInline(value)}`)
    .join("\n");
  const image = wordmark
    ? `![${escapeMarkdownInline(meta.organisation)}](${WORDMARK_PNG}){width=8cm}\\\n`
    : "";
  const date = `${image}**${escapeMarkdownInline(meta.publisher)}**`;
  return `---\nabstract-title: ""\nabstract: ${JSON.stringify(`${lines}\n`)}\ndate: ${JSON.stringify(date)}\n---\n\n`;
}

const MEDIA = /^word\/media\/.+\.(?:png|jpe?g|gif)$/i;

/** Rewrites a DOCX so that identical input gives identical bytes. */
export function reproducibleDocx(
  bytes: Uint8Array,
  options: DocumentOptions,
  layout?: (files: Record<string, Uint8Array>) => void,
): Uint8Array {
  const files = unzipSync(bytes);
  layout?.(files);
  const iso = `${options.date.toISOString().slice(0, 19)}Z`;
  const core = files["docProps/core.xml"];
  if (core) {
    files["docProps/core.xml"] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g,
        `$1${iso}$2`,
      ),
    );
  }
  // Word refreshes the table of contents when it opens the document.
  const settings = files["word/settings.xml"];
  if (settings && !strFromU8(settings).includes("w:updateFields")) {
    files["word/settings.xml"] = strToU8(
      strFromU8(settings).replace(/(<w:settings[^>]*>)/, '$1<w:updateFields w:val="true" />'),
    );
  }
  for (const name of Object.keys(files).filter((n) => /^word\/header\d*\.xml$/.test(n))) {
    const xml = strFromU8(files[name] as Uint8Array);
    files[name] = strToU8(xml.replace(STAMP_PLACEHOLDER, escapeXml(options.stamp)));
  }
  // [Content_Types].xml first, as Word expects; then a fixed order and a fixed time.
  const names = Object.keys(files).sort((a, b) =>
    a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  // Zip times are local "DOS" times: build one whose local fields are the UTC date's.
  // Zip cannot store times before 1980 (SOURCE_DATE_EPOCH=0 is common): clamp to its epoch.
  const d = options.date.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : options.date;
  const mtime = new Date(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
  // Images are compressed already: stored as they are, they cost no deflate time (deflating the
  // charts' PNGs again took ~0.1 s of the build's critical path for a fifth of their size).
  return zipSync(
    Object.fromEntries(
      names.map((n) => [n, [files[n] as Uint8Array, { mtime, level: MEDIA.test(n) ? 0 : 6 }]]),
    ),
  );
}

/** Source anchors into word/document.xml (hidden bookmarks); what each one names. */
function anchorParts(
  parts: Record<string, Uint8Array>,
  index: SourceIndex,
): Record<string, SourceRef> {
  const document = parts["word/document.xml"];
  if (!document) return {};
  const { xml, anchors } = anchorDocument(strFromU8(document), index);
  parts["word/document.xml"] = strToU8(xml);
  return anchors;
}

/** The DOCX output: PNGs made here while pandoc (in its worker) converts the Markdown for the PDF. */
export const docxFiles: MakeFiles = async (report, context) => {
  if (!context.converters) throw new Error("The DOCX recipe needs the converter workers.");
  const input = { ...documentInput(report), sources: sourceIndex(context.data, report.charts) };
  const { bytes, sources } = await context.converters.docx({
    input,
    pngs: await chartPngs(input, context.cache.charts),
    referenceDocPath: templateFile(context.templatesDir, "reference.docx"),
    options: { stamp: context.stamp, date: context.date },
  });
  return [{ name: "report.docx", bytes, sources }];
};
