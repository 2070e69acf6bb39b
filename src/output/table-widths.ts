import { textWidth } from "./charts/font-metrics.js";

/** A4 with 2.5 cm margins: the text width of the PDF and the DOCX, in points. */
const TEXT_WIDTH = 453.5;
/** Tables are set in 10 pt, their header row in bold 9 pt, in both documents (report.typ, reference.docx). */
const TABLE_FONT_SIZE = 10;
const HEADER_FONT_SIZE = 9;
/** Cell padding left + right (Typst 6 pt each side, Word 5.4 pt) and a little slack. */
const CELL_PADDING = 13;
/** Dashes of a separator line: more than pandoc's 72 columns, so pandoc uses relative widths. */
const DASHES = 120;

const SEPARATOR = /^\|(?:\s*:?-+:?\s*\|)+\s*$/;

/** The cells of a pipe-table row; `\|` is a literal bar. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, "").replace(/\|$/, "");
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** What the reader sees of a cell: emphasis marks and escapes gone. */
function visible(cell: string): { text: string; bold: boolean } {
  const bold = /^\*\*.*\*\*$/.test(cell.replace(/^[\u00a0 ]+/, ""));
  return { text: cell.replace(/\*\*|(?<!\\)\*/g, "").replace(/\\(.)/g, "$1"), bold };
}

/** Widest unbreakable word and the whole text of a cell, in points with padding. */
function measure(cell: string, header: boolean): { word: number; line: number } {
  const { text, bold } = visible(cell);
  const weight = header || bold ? 700 : 400;
  const size = header ? HEADER_FONT_SIZE : TABLE_FONT_SIZE;
  const words = text.split(/[ \t]+/).filter((w) => w !== "");
  const word = Math.max(0, ...words.map((w) => textWidth(w, size, weight)));
  return { word: word + CELL_PADDING, line: textWidth(text, size, weight) + CELL_PADDING };
}

/**
 * Column widths that keep every word whole, then share what is left by how much text the body
 * cells have (a long header may wrap between its words; a long row label should not).
 */
export function columnWidths(rows: readonly string[][]): number[] {
  const columns = Math.max(...rows.map((r) => r.length));
  const min = Array.from({ length: columns }, () => 0);
  const natural = Array.from({ length: columns }, () => 0);
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const m = measure(cell, r === 0);
      min[c] = Math.max(min[c] ?? 0, m.word);
      if (r > 0) natural[c] = Math.max(natural[c] ?? 0, Math.min(m.line, TEXT_WIDTH));
    });
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  natural.forEach((n, i) => {
    natural[i] = Math.max(n, min[i] ?? 0);
  });
  if (sum(natural) <= TEXT_WIDTH) return natural.map((n) => n / sum(natural));
  if (sum(min) >= TEXT_WIDTH) return min.map((m) => m / sum(min));
  const slack = natural.map((n, i) => n - (min[i] ?? 0));
  const spare = TEXT_WIDTH - sum(min);
  return min.map((m, i) => (m + (spare * (slack[i] ?? 0)) / sum(slack)) / TEXT_WIDTH);
}

/** A separator line with the same alignment marks and dashes in proportion to the widths. */
function separator(original: string, widths: readonly number[]): string {
  const aligns = cells(original);
  const parts = widths.map((w, i) => {
    const a = aligns[i] ?? "---";
    const dashes = "-".repeat(Math.max(3, Math.round(w * DASHES)));
    return `${a.startsWith(":") ? ":" : ""}${dashes}${a.endsWith(":") ? ":" : ""}`;
  });
  return `|${parts.join("|")}|`;
}

/**
 * Sets the relative column widths of every pipe table of the Markdown for DOCX and PDF: each
 * column at least as wide as its longest word (numbers with no-break spaces are one word), so
 * pandoc's widths never break a word such as "Prognosavvikelse" or "Västernorrland".
 */
export function fitTableColumns(markdown: string): string {
  const lines = markdown.split("\n");
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const header = lines[i - 1] as string;
    if (!SEPARATOR.test(line) || !header.startsWith("|")) continue;
    let end = i + 1;
    while (end < lines.length && (lines[end] as string).startsWith("|")) end++;
    const rows = [header, ...lines.slice(i + 1, end)].map(cells);
    lines[i] = separator(line, columnWidths(rows));
    i = end;
  }
  return lines.join("\n");
}
