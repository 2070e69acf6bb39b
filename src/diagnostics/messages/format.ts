// Values as messages show them, in one place: numbers, quotes, lists.
import { formatSwedishInteger } from "../../model/format.js";
import { quoted } from "../quote.js";

/** A whole number the Swedish way ("13 913 620"), in both languages: the report's own form. */
export const int = formatSwedishInteger;

/** A value in quotes, on one line, cut at 60 characters. */
export const q = quoted;

/** "a", "a or b", "a, b or c" (the conjunction in the message's language). */
export function alternatives(items: readonly string[], or: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${or} ${items.at(-1)}`;
}

/** "1 item" / "2 items": English plural by count. */
export const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);
