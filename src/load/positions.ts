// Offsets in a text to line and column: pure, shared by load/ and the text rules of check/.
import type { Position } from "../diagnostics/diagnostic.js";

/** The offset at which each line starts (LF, CRLF or CR line ends). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** The index in `starts` (ascending, from 0) of the line that holds `offset`. */
export function lineIndexAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Maps string offsets to 1-based line and column. */
export function positionsOf(text: string): (offset: number) => Position {
  const starts = lineStarts(text);
  return (offset) => {
    const index = lineIndexAt(starts, offset);
    return { line: index + 1, column: offset - (starts[index] ?? 0) + 1 };
  };
}
