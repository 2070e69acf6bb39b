import type { Document, Node } from "yaml";
import { isScalar } from "yaml";
import { pairOf, replaceValue, scalarAt, type ToDos } from "./todo.js";

/** "2026-03-01" moved by whole years; 29 February becomes the 28th. */
export function shiftDate(text: string, years: number): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const day = m[2] === "02" && m[3] === "29" ? "28" : m[3];
  return `${Number(m[1]) + years}-${m[2]}-${day}`;
}

/**
 * report.yaml of the new year: the year and the years that follow from it advanced (title,
 * published, signing date), what is new each year (ISBN, report and registration numbers)
 * cleared as to-dos, the signing date and signatories left to confirm.
 */
export function nextReport(doc: Document, from: number, year: number, todos: ToDos): void {
  const root = doc.contents;
  const delta = year - from;
  doc.set("year", year);
  const title = scalarAt(root, "title");
  if (title && typeof title.value === "string") {
    const advanced = title.value.replace(new RegExp(`\\b${from}\\b`, "g"), String(year));
    if (advanced !== title.value) title.value = advanced;
    else todos.comment(title, `bekräfta titeln för ${year}`);
  }
  const published = scalarAt(root, "published");
  if (published && typeof published.value === "number") published.value += delta;
  const publishedYear = typeof published?.value === "number" ? published.value : year + 1;
  replaceValue(root, "isbn", todos.text(`fyll i ISBN för rapporten ${year}`));
  replaceValue(
    root,
    "report_number",
    todos.text(`fyll i rapportnummer (${publishedYear}:löpnummer)`),
  );
  replaceValue(
    root,
    "registration_number",
    todos.text(`fyll i diarienummer (löpnummer-${publishedYear})`),
  );
  const signed = pairOf(root, "signed")?.value;
  const date = scalarAt(signed, "date");
  if (date) {
    const shifted = typeof date.value === "string" ? shiftDate(date.value, delta) : undefined;
    if (shifted) date.value = shifted;
    todos.comment(date, "bekräfta datum för underskriften");
  }
  const by = pairOf(signed, "by");
  if (by && isScalar(by.key)) todos.comment(by.key as Node, "bekräfta undertecknarna");
}
