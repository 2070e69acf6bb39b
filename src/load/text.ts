import type { FindingArgs } from "../diagnostics/args.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import { positionsOf } from "./positions.js";

/**
 * Every text input (YAML, Markdown, CSV, word lists, templates) passes here before it is parsed:
 * Windows' CRLF and old Mac CR line ends become LF, and macOS's decomposed letters (NFD) are
 * composed (NFC), so the same words give the same report whatever system wrote the file.
 */
export function normaliseText(text: string): string {
  const lf = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  // Only text with a combining mark or other non-Latin-1 letters can change: skip the rest cheaply.
  return NON_LATIN1.test(lf) ? lf.normalize("NFC") : lf;
}

const NON_LATIN1 = /[\u0100-\u{10FFFF}]/u;

/**
 * Invisible characters that would change the report's structure or hide text: C0 controls
 * other than tab and LF, DEL and C1 (NEL U+0085 is a line break to Typst), the line and
 * paragraph separators, bidirectional overrides and isolates, and zero-width characters.
 * Zero-width (non-)joiners are allowed where they join: in emoji sequences and between letters
 * (Persian and Arabic spelling need them).
 */
const REFUSED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF]/g;
const JOINERS = new Set([0x200c, 0x200d]);
const JOINED = /[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}]/u;

const NAMES: Record<number, string> = {
  9: "CHARACTER TABULATION",
  11: "LINE TABULATION",
  12: "FORM FEED",
  27: "ESCAPE",
  127: "DELETE",
  133: "NEXT LINE (NEL)",
  8232: "LINE SEPARATOR",
  8233: "PARAGRAPH SEPARATOR",
  8203: "ZERO WIDTH SPACE",
  8204: "ZERO WIDTH NON-JOINER",
  8205: "ZERO WIDTH JOINER",
  8288: "WORD JOINER",
  65279: "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
  8234: "LEFT-TO-RIGHT EMBEDDING",
  8235: "RIGHT-TO-LEFT EMBEDDING",
  8236: "POP DIRECTIONAL FORMATTING",
  8237: "LEFT-TO-RIGHT OVERRIDE",
  8238: "RIGHT-TO-LEFT OVERRIDE",
  8294: "LEFT-TO-RIGHT ISOLATE",
  8295: "RIGHT-TO-LEFT ISOLATE",
  8296: "FIRST STRONG ISOLATE",
  8297: "POP DIRECTIONAL ISOLATE",
};

/** "U+2028 LINE SEPARATOR": how a message names a character. */
export function describeCharacter(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  const name =
    NAMES[codePoint] ??
    (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)
      ? "control character"
      : undefined);
  return name ? `${hex} ${name}` : `${hex} "${String.fromCodePoint(codePoint)}"`;
}

/** Which kind of invisible character it is: the hint says what to do with it. */
function kindOf(codePoint: number): FindingArgs["text/control-character"]["kind"] {
  if (codePoint === 0x2028 || codePoint === 0x2029 || codePoint === 0x85 || codePoint === 0x0b)
    return "line-break";
  if (codePoint >= 0x202a && codePoint <= 0x2069) return "direction";
  if (JOINERS.has(codePoint)) return "joiner";
  return "other";
}

/** Whether a joiner at `index` sits between two characters it may join. */
function joins(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 2), index);
  const after = text.slice(index + 1, index + 3);
  const last = [...before].at(-1);
  const next = [...after][0];
  return last !== undefined && next !== undefined && JOINED.test(last) && JOINED.test(next);
}

/**
 * Refused invisible characters of a text, each an error at its line and column (columns count
 * UTF-16 units of the normalised text, as the other diagnostics do). `firstLine` places a part
 * of a streamed file.
 */
export function controlCharacters(file: string, text: string, firstLine = 1): Diagnostic[] {
  const found: Diagnostic[] = [];
  REFUSED.lastIndex = 0;
  if (!REFUSED.test(text)) return found;
  REFUSED.lastIndex = 0;
  const at = positionsOf(text);
  for (let match = REFUSED.exec(text); match; match = REFUSED.exec(text)) {
    const codePoint = match[0].codePointAt(0) as number;
    if (JOINERS.has(codePoint) && joins(text, match.index)) continue;
    const { line, column } = at(match.index);
    found.push(controlCharacterDiagnostic(file, codePoint, { line: firstLine - 1 + line, column }));
    if (found.length >= MAX_REPORTED) break;
  }
  return found;
}

/** The first refused invisible character of a parsed value (a YAML escape such as "\\L"), or undefined. */
export function firstRefused(text: string): number | undefined {
  REFUSED.lastIndex = 0;
  for (let match = REFUSED.exec(text); match; match = REFUSED.exec(text)) {
    const codePoint = match[0].codePointAt(0) as number;
    if (!(JOINERS.has(codePoint) && joins(text, match.index))) return codePoint;
  }
  return undefined;
}

/** The diagnostic of a refused character, at a place a caller has worked out. */
export function controlCharacterDiagnostic(
  file: string,
  codePoint: number,
  at: { line: number; column: number },
): Diagnostic {
  return finding(
    "text/control-character",
    { file, ...at },
    { character: describeCharacter(codePoint), kind: kindOf(codePoint) },
  );
}

/** A file full of control characters is one problem, not thousands of messages. */
const MAX_REPORTED = 20;
