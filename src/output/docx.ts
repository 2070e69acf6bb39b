import { readFile } from "node:fs/promises";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { escapeMarkdownInline } from "../render/escape.js";
import { renderChartPng } from "./charts/index.js";
import {
  baseName,
  type DocumentInput,
  type DocumentOptions,
  documentInput,
  flattenImagePaths,
  PANDOC_MARKDOWN,
} from "./document.js";
import type { OutputRecipe } from "./recipe.js";
import { templateFile } from "./templates-path.js";

/** Placeholder in the reference document's header that each build replaces with its stamp. */
const STAMP_PLACEHOLDER = "NCH_REPORT_STAMP";

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

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
  const [{ convert }, referenceDoc, images] = await Promise.all([
    import("pandoc-wasm"),
    readFile(referenceDocPath),
    pngs ?? chartPngs(input),
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
    colophon(input.meta) + flattenImagePaths(input.markdown, "png"),
    files,
  );
  const docx = result.files["report.docx"];
  if (!docx) throw new Error(`pandoc produced no DOCX: ${result.stderr}`);
  return reproducibleDocx(new Uint8Array(await docx.arrayBuffer()), options);
}

/** Word shows no SVG without a PNG fallback: each chart as PNG at print resolution, by file name. */
export async function chartPngs(
  input: Pick<DocumentInput, "charts">,
): Promise<Record<string, Uint8Array>> {
  const pngs: Record<string, Uint8Array> = {};
  for (const chart of input.charts)
    pngs[`${baseName(chart.fileName)}.png`] = await renderChartPng(chart.svg);
  return pngs;
}

/**
 * The colophon (Titel, Författare, ISBN, …) under the title, before the table of contents, as
 * the published report has it: a pandoc abstract without a heading. Values are data: escaped.
 */
function colophon(meta: DocumentInput["meta"]): string {
  const rows: [string, string][] = [
    ["Titel", meta.title],
    ["Författare", meta.organisation],
    ["ISBN", meta.isbn],
    ["Rapportnummer", meta.reportNumber],
    ["Diarienummer", meta.registrationNumber],
    ["Utgivningsår", String(meta.published)],
  ];
  const lines = rows
    .map(([label, value]) => `| ${label}: ${escapeMarkdownInline(value)}`)
    .join("\n");
  return `---\nabstract-title: ""\nabstract: ${JSON.stringify(`${lines}\n`)}\n---\n\n`;
}

const MEDIA = /^word\/media\/.+\.(?:png|jpe?g|gif)$/i;

/** Rewrites a DOCX so that identical input gives identical bytes. */
export function reproducibleDocx(bytes: Uint8Array, options: DocumentOptions): Uint8Array {
  const files = unzipSync(bytes);
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

/** The DOCX output: PNGs made here while pandoc (in its worker) converts the Markdown for the PDF. */
export const docxRecipe: OutputRecipe = {
  format: "docx",
  target: "pandoc",
  async files(report, context) {
    if (!context.converters) throw new Error("The DOCX recipe needs the converter workers.");
    const input = documentInput(report);
    const bytes = await context.converters.docx({
      input,
      pngs: await chartPngs(input),
      referenceDocPath: templateFile(context.templatesDir, "reference.docx"),
      options: { stamp: context.stamp, date: context.date },
    });
    return [{ name: "report.docx", bytes }];
  },
};
