// Values as messages show them, in one place: quotes and plurals.
import { quoted } from "../quote.js";

/** A value in quotes, on one line, cut at 60 characters. */
export const q = quoted;

/** "1 item" / "2 items": English plural by count. */
export const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);
