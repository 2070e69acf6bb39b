// What pandoc's HTML needs to become the accessible edition: table headers with scope, charts
// inline with their figures as a table and a CSV file, links across pages.

import { escapeXml } from "../../text/xml.js";
import type { RenderedFigure } from "../recipe.js";
import { chartSvgInline, chartTableHtml, csvFileName } from "./chart-html.js";

/** Column headers get scope="col"; each body row's first cell becomes its row header. */
export function scopeTables(html: string): string {
  return html
    .replace(/<thead>([\s\S]*?)<\/thead>/g, (head: string) =>
      head.replace(/<th(?=[\s>])/g, '<th scope="col"'),
    )
    .replace(/<tbody>([\s\S]*?)<\/tbody>/g, (body: string) =>
      body.replace(
        /<tr([^>]*)>\s*<td([^>]*)>([\s\S]*?)<\/td>/g,
        // A label heads its row; a first column of amounts (the grants' kronor) does not.
        (whole: string, tr: string, td: string, cell: string) =>
          td.includes("right") ? whole : `<tr${tr}>\n<th scope="row"${td}>${cell}</th>`,
      ),
    )
    .replace(
      /<table>[\s\S]*?<\/table>/g,
      (table) => `<div class="table-wrap" tabindex="0">${table}</div>`,
    );
}

/** Author's comments (the only HTML a chapter may hold) never reach the page's source. */
export function dropComments(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<p><span id="nch-toc"><\/span><\/p>\n?/g, "");
}

/**
 * Each figure's image: a chart inline as SVG with its text alternative, its figures in a
 * disclosure and a link to them as CSV; a year's own image as <img> (its SVG is data: never inline).
 */
export function placeFigures(html: string, figures: ReadonlyMap<string, RenderedFigure>): string {
  return html.replace(
    /<figure>\s*<img src="figurer\/([^"/]+)\.(?:png|svg)"\s*alt="([^"]*)"\s*\/>\s*(<figcaption[^>]*>[\s\S]*?<\/figcaption>)\s*<\/figure>/g,
    (whole, name: string, alt: string, caption: string) => {
      const figure = figures.get(name);
      if (!figure) return whole;
      const shown = caption.replace(/<figcaption[^>]*>/, "<figcaption>");
      if (!figure.table)
        return `<figure>\n${shown}\n<img src="figurer/${name}.svg" alt="${alt}" />\n</figure>`;
      return [
        "<figure>",
        shown,
        chartSvgInline(figure.svg, name, alt),
        chartTableHtml(figure.table, `Siffrorna i ${figureName(figure.caption)}`, figure.caption),
        `<p class="csv"><a href="figurer/${csvFileName(name)}" download>Siffrorna i ${figureName(figure.caption)} som CSV-fil</a></p>`,
        "</figure>",
      ].join("\n");
    },
  );
}

/** "Figur 2" of a numbered figure, else the caption in quotation marks: what its figures are of. */
function figureName(caption: string): string {
  return /^Figur \d+/.exec(caption)?.[0] ?? `diagrammet ”${escapeXml(caption)}”`;
}

/** The ids a fragment defines, to send links to another page's heading there. */
export function idsOf(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string);
}

/** `href="#x"` where x lives on another page becomes `href="page.html#x"`. */
export function linkAcrossPages(
  html: string,
  own: ReadonlySet<string>,
  pageOf: ReadonlyMap<string, string>,
): string {
  return html.replace(/href="#([^"]+)"/g, (whole, id: string) => {
    const page = own.has(id) ? undefined : pageOf.get(id);
    return page ? `href="${page}#${id}"` : whole;
  });
}

/**
 * Pandoc numbers a page's footnotes from 1; the edition numbers them through the report, as the
 * PDF does, so "fotnot 7" is the same note in both: refs, backlinks, ids and the list's start.
 */
export function renumberFootnotes(html: string, before: number): { html: string; count: number } {
  const count = [...html.matchAll(/<li id="fn\d+">/g)].length;
  if (before === 0 || count === 0) return { html, count };
  const shifted = (n: string) => String(Number(n) + before);
  const renumbered = html
    .replace(
      /(<a href="#fn)(\d+)(" class="footnote-ref" id="fnref)(\d+)(" role="doc-noteref"><sup>)(\d+)<\/sup>/g,
      (_, a: string, n: string, b: string, m: string, c: string, shown: string) =>
        `${a}${shifted(n)}${b}${shifted(m)}${c}${shifted(shown)}</sup>`,
    )
    .replace(/<li id="fn(\d+)">/g, (_, n: string) => `<li id="fn${shifted(n)}">`)
    .replace(
      /<a href="#fnref(\d+)" class="footnote-back"/g,
      (_, n: string) => `<a href="#fnref${shifted(n)}" class="footnote-back"`,
    )
    .replace(
      /(<section id="footnotes"[^>]*>\s*<hr \/>\s*)<ol>/,
      (_, head: string) => `${head}<ol start="${before + 1}">`,
    );
  return { html: renumbered, count };
}
