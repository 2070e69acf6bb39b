import { formatSwedishInteger } from "../../model/format.js";

/** "1 019" with U+00A0, "−190" with U+2212: the report's number format. */
export const num = formatSwedishInteger;

/** "a", "a och b", "a, b och c". */
export function listSv(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

/** Swedish collation, so "Östergötland" sorts after "Skåne" as in the report. */
export const collator = new Intl.Collator("sv-SE");

/** A label from data on one line: line breaks and runs of spaces (not U+00A0) as one space. */
export function plainLabel(label: string): string {
  return label.replace(/[^\S\u00a0]+/g, " ").trim();
}

/** The label lower-cased where it reads inside a sentence ("Bortförande" → "bortförande"). */
export function inSentence(label: string): string {
  const first = label.charAt(0);
  const second = label.charAt(1);
  // An abbreviation ("NCH", "OH") keeps its capitals.
  return second && second === second.toUpperCase() && second !== second.toLowerCase()
    ? label
    : first.toLowerCase() + label.slice(1);
}

/** First letter upper-case: for a sentence that starts with a label or a lower-case phrase. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
