// Thousands separators in Swedish amounts: normal, no-break, narrow no-break or thin space.
const SWEDISH_GROUPED = /^-?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})*(?:,\d+)?$/;
const SWEDISH_UNGROUPED = /^-?\d+,\d+$/;
const PLAIN = /^-?\d+(?:\.\d+)?$/;

/**
 * Reads an amount written the Swedish way ("1 105 000,0", "−317", with no-break or thin
 * spaces) or the plain way ("1105000.00"). Undefined for anything else.
 */
export function parseAmount(text: string): number | undefined {
  const t = text.trim().replace(/^\u2212/, "-");
  if (SWEDISH_GROUPED.test(t) || SWEDISH_UNGROUPED.test(t)) {
    return Number(t.replace(/[ \u00a0\u202f\u2009]/g, "").replace(",", "."));
  }
  if (PLAIN.test(t)) return Number(t);
  return undefined;
}

/** A count of people or calls: empty is 0; otherwise a non-negative integer, else undefined. */
export function parseCount(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return 0;
  return /^\d+$/.test(t) ? Number(t) : undefined;
}
