// The HTML edition: a static site in html/ of the output folder, one page per top-level chapter,
// from the same pandoc Markdown as the DOCX and PDF (pandoc-wasm writes each page's HTML).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CacheSpace } from "../../cache-space.js";
import type { RecipeContext, RenderedFigure, RenderedReport } from "../recipe.js";
import { BUILTIN_TEMPLATES, templateFile } from "../templates-path.js";
import type { OutputFile } from "../write.js";
import { chartCsv, csvFileName } from "./chart-html.js";
import { markdownToHtml } from "./convert.js";
import {
  dropComments,
  idsOf,
  linkAcrossPages,
  placeFigures,
  renumberFootnotes,
  scopeTables,
} from "./fragment.js";
import { contents, type NavEntry, type PageFrame, renderPage, titlePage } from "./page.js";
import { reportPages } from "./pages.js";
import { cachedPageSources } from "./sources.js";

/** The site's folder in the output folder. */
export const HTML_DIR = "html";

/** Source Sans 3 as the PDF has it, with its licence: the site requests nothing from elsewhere. */
const FONTS = [
  "SourceSans3_400Regular.ttf",
  "SourceSans3_700Bold.ttf",
  "SourceSans3_400Regular_Italic.ttf",
  "OFL.txt",
];

const WORDMARK_FILE = "figurer/omslag-ordmarke.svg";

interface Converted {
  file: string;
  html: string;
}

/** Each page's HTML from pandoc, made accessible: table scopes, charts inline with their figures. */
async function convertPages(report: RenderedReport, cache: CacheSpace) {
  const { front, pages } = reportPages(report.markdown);
  const figures = new Map<string, RenderedFigure>(
    report.charts.map((c) => [c.fileName.replace(/^.*\//, "").replace(/\.(png|svg)$/, ""), c]),
  );
  const tidy = (html: string) => placeFigures(scopeTables(dropComments(html)), figures);
  const [frontHtml, ...htmls] = await Promise.all([
    markdownToHtml(front, cache),
    ...pages.map((p) => markdownToHtml(p.markdown, cache)),
  ]);
  const numbered = renumberFootnotes(tidy(frontHtml ?? ""), 0);
  let notes = numbered.count;
  const converted: Converted[] = pages.map((p, i) => {
    const page = renumberFootnotes(tidy(htmls[i] ?? ""), notes);
    notes += page.count;
    return { file: p.file, html: page.html };
  });
  const pageOf = new Map<string, string>();
  for (const page of converted) for (const id of idsOf(page.html)) pageOf.set(id, page.file);
  for (const page of converted)
    page.html = linkAcrossPages(page.html, new Set(idsOf(page.html)), pageOf);
  return { front: numbered.html, pages: converted, figures };
}

function headingOf(html: string): string {
  return /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/\s*\n\s*/g, " ") ?? "";
}

function downloads(context: RecipeContext) {
  const formats = context.formats ?? [];
  return [
    ...(formats.includes("pdf") ? [{ href: "../report.pdf", text: "Rapporten som PDF" }] : []),
    ...(formats.includes("docx")
      ? [{ href: "../report.docx", text: "Rapporten som Word-fil (DOCX)" }]
      : []),
  ];
}

/** The site's files besides its pages: stylesheet, fonts, chart data as CSV, the year's images. */
function assets(
  report: RenderedReport,
  context: RecipeContext,
  figures: Map<string, RenderedFigure>,
) {
  const files: OutputFile[] = [
    {
      name: "style.css",
      bytes: readFileSync(templateFile(context.templatesDir, "html/style.css")),
    },
  ];
  for (const font of FONTS)
    files.push({
      name: `fonts/${font}`,
      bytes: readFileSync(path.join(BUILTIN_TEMPLATES, "fonts", font)),
    });
  for (const [name, figure] of [...figures].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (figure.table)
      files.push({ name: `figurer/${csvFileName(name)}`, bytes: chartCsv(figure.table) });
    else files.push({ name: `figurer/${name}.svg`, bytes: figure.svg });
  }
  if (report.wordmark) files.push({ name: WORDMARK_FILE, bytes: report.wordmark });
  return files;
}

/** The whole site as files under html/. */
export async function htmlFiles(
  report: RenderedReport,
  context: RecipeContext,
): Promise<OutputFile[]> {
  // The template, style sheet and fonts are read synchronously: a few files, cheaper so than the
  // thread pool's round trips (~15 ms at every save of the preview).
  const template = readFileSync(templateFile(context.templatesDir, "html/page.html"), "utf8");
  const { front, pages, figures } = await convertPages(report, context.cache.html);
  const nav: NavEntry[] = pages.map((p) => ({ file: p.file, label: headingOf(p.html) }));
  const frame: PageFrame = {
    template,
    report,
    stamp: context.stamp,
    downloads: downloads(context),
    nav,
  };
  const opening = [titlePage(report, report.wordmark !== null), front].join("\n");
  const index = [opening, contents(pages)].join("\n");
  // The contents repeat the headings: not a place the inputs' lines are printed.
  const sources = await cachedPageSources(
    [{ file: "index.html", html: opening }, ...pages],
    context.data,
    context.cache.html,
  );
  const files: OutputFile[] = [
    {
      name: "index.html",
      bytes: renderPage(frame, "index.html", "", index),
      sources: sources.get("index.html"),
    },
    ...pages.map((p) => ({
      name: p.file,
      bytes: renderPage(frame, p.file, headingOf(p.html), p.html),
      sources: sources.get(p.file),
    })),
    ...assets(report, context, figures),
  ];
  return files.map((f) => ({ ...f, name: `${HTML_DIR}/${f.name}` }));
}
