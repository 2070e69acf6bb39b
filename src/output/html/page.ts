// A page of the HTML edition: the template of templates/html/page.html filled with escaped
// metadata and pandoc's HTML of the chapter; the front page with title page and colophon.

import { escapeXml } from "../../text/xml.js";
import { colophonRows } from "../document.js";
import type { RenderedReport } from "../recipe.js";

export interface NavEntry {
  file: string;
  /** The chapter heading as HTML (from pandoc: data text already escaped). */
  label: string;
}

export interface PageFrame {
  template: string;
  report: RenderedReport;
  stamp: string;
  /** Links to the report's other formats of this build: "../report.pdf". */
  downloads: readonly { href: string; text: string }[];
  nav: readonly NavEntry[];
}

/** `{{slot}}` → value; values are HTML already; an unknown slot stays empty. */
export function fillTemplate(template: string, slots: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => slots[name] ?? "");
}

/** What a reader sees of an HTML fragment: tags removed, the entities pandoc writes decoded. */
export const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

function chapterList(nav: readonly NavEntry[], current: string): string {
  const items = nav.map((entry) => {
    const here = entry.file === current ? ' aria-current="page"' : "";
    return `<li><a href="${entry.file}"${here}>${entry.label}</a></li>`;
  });
  return `<ul>\n<li><a href="index.html"${current === "index.html" ? ' aria-current="page"' : ""}>Titelsida och innehåll</a></li>\n${items.join("\n")}\n</ul>`;
}

function pager(nav: readonly NavEntry[], current: string): string {
  const files = ["index.html", ...nav.map((n) => n.file)];
  const labels = ["Titelsida och innehåll", ...nav.map((n) => n.label)];
  const at = files.indexOf(current);
  const link = (i: number, rel: string, word: string) =>
    i >= 0 && i < files.length
      ? `<a href="${files[i]}" rel="${rel}">${word}: ${labels[i]}</a>`
      : "<span></span>";
  return `<nav class="pager" aria-label="Föregående och nästa sida">\n${link(at - 1, "prev", "Föregående")}\n${link(at + 1, "next", "Nästa")}\n</nav>`;
}

function footer(report: RenderedReport): string {
  const { lines, web } = report.meta.backCover;
  const shown = lines.map((l) => `<p>${escapeXml(l)}</p>`);
  if (web) shown.push(`<p>${escapeXml(web)}</p>`);
  return shown.join("\n");
}

/** One whole page: the frame around `body`, the chapter `file` marked as current. */
export function renderPage(frame: PageFrame, file: string, heading: string, body: string): string {
  const title = escapeXml(frame.report.meta.title);
  const downloads = frame.downloads.length
    ? `<ul class="downloads">${frame.downloads.map((d) => `<li><a href="${d.href}">${d.text}</a></li>`).join("")}</ul>`
    : "";
  return fillTemplate(frame.template, {
    title: heading ? `${escapeXml(plain(heading))} – ${title}` : title,
    report: title,
    stamp: frame.stamp ? `<p class="stamp">${escapeXml(frame.stamp)}</p>` : "",
    downloads,
    chapters: chapterList(frame.nav, file),
    body,
    pager: pager(frame.nav, file),
    footer: footer(frame.report),
  });
}

/** The title page and colophon, as on the PDF's first pages. */
export function titlePage(report: RenderedReport, wordmark: boolean): string {
  const m = report.meta;
  const colophon = colophonRows(m)
    .filter(([, v]) => v !== "")
    .map(([k, v]) => `<dt>${k}</dt><dd>${escapeXml(v)}</dd>`)
    .join("\n");
  const image = wordmark
    ? `<p><img src="figurer/omslag-ordmarke.svg" alt="${escapeXml(m.organisation)}" /></p>`
    : "";
  return [
    '<div class="title-page">',
    `<h1>${escapeXml(m.title)}</h1>`,
    `<p class="subtitle">${escapeXml(m.cover.subtitle)}</p>`,
    image,
    `<p><strong>${escapeXml(m.publisher)}</strong></p>`,
    "</div>",
    `<h2 id="kolofon">Om rapporten</h2>\n<dl class="colophon">\n${colophon}\n</dl>`,
  ].join("\n");
}

/** The full table of contents of the front page: each chapter with its headings of levels 2 and 3. */
export function contents(pages: readonly { file: string; html: string }[]): string {
  const items = pages.map(({ file, html }) => {
    const headings = [...html.matchAll(/<h([123]) id="([^"]+)"[^>]*>([\s\S]*?)<\/h\1>/g)];
    const [top, ...rest] = headings;
    const link = (m: RegExpMatchArray, whole: boolean) =>
      `<a href="${file}${whole ? "" : `#${m[2]}`}">${(m[3] as string).replace(/\s*\n\s*/g, " ")}</a>`;
    if (!top) return "";
    const sub = rest.map((m) => `<li class="level-${m[1]}">${link(m, false)}</li>`);
    return `<li>${link(top, true)}${sub.length ? `\n<ul>\n${sub.join("\n")}\n</ul>` : ""}</li>`;
  });
  return `<nav class="contents" aria-labelledby="innehallsforteckning">\n<h2 id="innehallsforteckning">Innehållsförteckning</h2>\n<ul>\n${items.join("\n")}\n</ul>\n</nav>`;
}
