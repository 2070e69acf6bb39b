// Fields of a CSV line: pure string work, shared by the loaders and by check/'s text scans.

const DELIMITERS = [",", ";", "\t"] as const;

/** The separator used most in the header line outside quotes: comma, semicolon or tab. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: string = ",";
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Where field `index` of the record text[from, to) starts and ends (quotes respected), if it has one. */
export function fieldBounds(
  text: string,
  delimiter: string,
  index: number,
  from: number,
  to: number,
) {
  let field = 0;
  let quoted = false;
  let start = from;
  for (let i = from; i <= to; i++) {
    const ch = text[i];
    if (i < to && ch === '"') quoted = !quoted;
    else if (i === to || (ch === delimiter && !quoted)) {
      if (field === index) return { start, end: i };
      field++;
      start = i + 1;
    }
  }
  return undefined;
}

/** 1-based column where field `index` starts in the record `text[from, to)` (quotes respected). */
export function fieldColumn(
  text: string,
  delimiter: string,
  index: number,
  from = 0,
  to = text.length,
): number {
  const bounds = fieldBounds(text, delimiter, index, from, to);
  return (bounds ? bounds.start : to) - from + 1;
}

/** Where field `index` of text[from, to) starts and ends when it has no `"`: every delimiter separates. */
function plainFieldBounds(
  text: string,
  delimiter: string,
  index: number,
  from: number,
  to: number,
) {
  let start = from;
  for (let i = 0; i < index; i++) {
    start = text.indexOf(delimiter, start) + 1;
    if (start === 0 || start > to) return undefined;
  }
  const next = text.indexOf(delimiter, start);
  return { start, end: next === -1 || next > to ? to : next };
}

/**
 * The cell at a field index of the record text[from, to), unquoted, with its 1-based column;
 * none past the last. `plain`: the caller knows the text has no `"` (the fast path).
 */
export function cellAt(
  text: string,
  delimiter: string,
  index: number,
  { from = 0, to = text.length, plain = false } = {},
) {
  const bounds = (plain ? plainFieldBounds : fieldBounds)(text, delimiter, index, from, to);
  if (!bounds) return undefined;
  return {
    text: text.slice(bounds.start, bounds.end).replace(/^"|"$/g, ""),
    column: bounds.start - from + 1,
  };
}
