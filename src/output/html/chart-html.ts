// A chart in the HTML edition: the SVG inline, its figures as a table, and as a CSV file.

import { formatSwedishInteger } from "../../model/format.js";
import { escapeXml } from "../../text/xml.js";
import type { ChartCell, ChartTable } from "../charts/chart.js";

export const csvFileName = (name: string) => `${name}.csv`;

/**
 * The chart's SVG inline as one image with the text alternative: vega's own roles and labels
 * are removed (they describe marks, not the chart), and ids get the chart's name so that two
 * charts on one page never share a clip path.
 */
export function chartSvgInline(svg: string, name: string, alt: string): string {
  const body = svg
    .replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, "")
    .replace(/\sid="([^"]+)"/g, ` id="${name}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${name}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${name}-$1"`);
  return `<div class="chart">${body.replace(/^<svg\b/, `<svg role="img" aria-label="${alt}" focusable="false"`)}</div>`;
}

function cellText(cell: ChartCell): string {
  if (cell === null) return "uppgift saknas";
  return typeof cell === "number" ? formatSwedishInteger(cell) : cell;
}

/** The figures under the chart, in a disclosure: a table with headers and right-aligned numbers. */
export function chartTableHtml(table: ChartTable, summary: string, caption: string): string {
  const head = table.columns
    .map((c, i) => `<th scope="col"${i > 0 ? ' class="num"' : ""}>${escapeXml(c)}</th>`)
    .join("");
  const rows = table.rows.map((row) => {
    const [label, ...values] = row;
    const cells = values.map((v) => `<td class="num">${escapeXml(cellText(v))}</td>`).join("");
    return `<tr><th scope="row">${escapeXml(cellText(label ?? null))}</th>${cells}</tr>`;
  });
  return [
    `<details class="chart-data"><summary>${summary}</summary>`,
    `<table><caption>${escapeXml(caption)}</caption><thead><tr>${head}</tr></thead>`,
    `<tbody>${rows.join("")}</tbody></table></details>`,
  ].join("\n");
}

/**
 * RFC 4180 CSV, UTF-8 with BOM so Excel reads å, ä, ö; numbers as digits, "uppgift saknas" empty.
 * A text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 */
export function chartCsv(table: ChartTable): string {
  const field = (cell: ChartCell) => {
    const raw = cell === null ? "" : String(cell);
    const text = typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${raw}` : raw;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [table.columns, ...table.rows].map((row) => row.map(field).join(","));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
