import type { Chart } from "./chart.js";

/** `![alt](calls-per-year.svg)`: the chart as an image beside the Markdown, with its alt text. */
export function chartImageMarkdown(chart: Chart, src = `${chart.name}.svg`): string {
  const href = encodeURI(src).replace(/[()]/g, (c) => (c === "(" ? "%28" : "%29"));
  return `![${escapeMarkdownText(chart.alt)}](${href})`;
}

/**
 * Alt text from data stays literal: collapsed to one line, and every character that CommonMark
 * or pandoc would read as markup (emphasis, links, HTML, entities, math, citations, quotes)
 * backslash-escaped.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[^\S\u00a0]+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>&!~^$@|"']/g, "\\$&");
}
