import type { Position } from "../../diagnostics/diagnostic.js";
import { lineIndexAt } from "../../load/positions.js";

/** One line of prose and where its first character lies in the source file (1-based). */
export interface ProseLine {
  text: string;
  line: number;
  column: number;
}

/** A stretch of prose (a chapter, a YAML text value) with the source position of each line. */
export interface ProseUnit {
  file: string;
  lines: ProseLine[];
}

/**
 * A word of prose. `prefix` marks the first part of a hyphen-shortened compound
 * ("hälso-" in "hälso- och sjukvård"), which is checked as a compound's first part.
 */
export interface ProseWord extends Position {
  text: string;
  prefix: boolean;
  /** Only white space separates it from the word before (so the two can form a phrase). */
  afterSpace: boolean;
}

/** A Markdown chapter: its lines as they are in the file. */
export function markdownUnit(file: string, text: string): ProseUnit {
  return {
    file,
    lines: text.split(/\r?\n/).map((line, i) => ({ text: line, line: i + 1, column: 1 })),
  };
}

/** Regions that are not prose: each is blanked out before the words are taken. */
const NOT_PROSE: readonly RegExp[] = [
  /<!--[\s\S]*?(?:-->|$)/g, // HTML comments
  /\{\{[\s\S]*?\}\}\}?/g, // Handlebars expressions, blocks and partials
  /(`+)[\s\S]*?\1/g, // inline code
  /<[a-z][a-z0-9+.-]*:[^\s<>]*>/gi, // autolinks
  /\b(?:[a-z][a-z0-9+.-]*):\/\/[^\s<>)\]]*/gi, // URLs
  /\bwww\.[^\s<>)\]]+/gi,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail addresses
  /\]\([^)]*\)/g, // link and image destinations
  /^ {0,3}\[(?!\^)[^\]]+\]:.*$/gm, // reference link definitions
  /\[\^[^\]\s]*\]:?/g, // footnote markers and labels
  /<\/?[a-zA-Z][^>\n]*>/g, // HTML tags
  /&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);/g, // character references
  /\{[#.][^}\n]*\}/g, // Pandoc attributes {#id .class}
];

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The text with code blocks and every NOT_PROSE region replaced by spaces (line breaks kept). */
export function maskNonProse(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  let masked = blankFencedCode(text, blank);
  for (const pattern of NOT_PROSE) masked = masked.replace(pattern, blank);
  return masked;
}

function blankFencedCode(text: string, blank: (s: string) => string): string {
  const lines = text.split("\n");
  let fence: string | undefined;
  for (const [i, line] of lines.entries()) {
    const opening = FENCE.exec(line)?.[1];
    if (fence === undefined && opening) {
      fence = opening;
      lines[i] = blank(line);
    } else if (fence !== undefined) {
      if (opening !== undefined && opening[0] === fence[0] && opening.length >= fence.length) {
        fence = undefined;
      }
      lines[i] = blank(line);
    }
  }
  return lines.join("\n");
}

/**
 * A run of letters and digits with inner hyphens, apostrophes or colons ("EU-kommissionen",
 * "NCH:s"), maybe ending in "-". Superscript footnote markers ("beskriver¹") are not part of it.
 */
const TOKEN = /[\p{L}\p{M}\p{Nd}]+(?:[-'’:][\p{L}\p{M}\p{Nd}]+)*-?/gu;
const HAS_DIGIT = /\p{Nd}/u;
const HAS_LOWER = /\p{Ll}/u;
const JOINERS = /[-'’:]/;

/** A token is an abbreviation or code rather than a word: NCH, SCB, A2021, single letters. */
function isNotAWord(part: string): boolean {
  return part.length < 2 || !HAS_LOWER.test(part);
}

/** Where each line of a unit starts in its joined text, and the source position of an offset. */
function positions(unit: ProseUnit): (offset: number) => Position {
  const starts: number[] = [];
  let offset = 0;
  for (const l of unit.lines) {
    starts.push(offset);
    offset += l.text.length + 1;
  }
  return (at) => {
    const low = lineIndexAt(starts, at);
    const line = unit.lines[low] as ProseLine;
    return { line: line.line, column: line.column + at - (starts[low] as number) };
  };
}

/** The prose words of a unit with their source positions, in order. */
export function proseWords(unit: ProseUnit): ProseWord[] {
  const text = unit.lines.map((l) => l.text).join("\n");
  const position = positions(unit);
  const words: ProseWord[] = [];
  let previousEnd = -1;
  const add = (part: string, at: number, prefix: boolean) => {
    if (isNotAWord(part)) {
      previousEnd = -1;
      return;
    }
    const afterSpace = previousEnd >= 0 && text.slice(previousEnd, at).trim() === "";
    words.push({ text: part, prefix, afterSpace, ...position(at) });
    previousEnd = at + part.length;
  };
  for (const match of maskNonProse(text).matchAll(TOKEN)) {
    const token = match[0];
    if (HAS_DIGIT.test(token)) continue;
    if (!JOINERS.test(token)) {
      add(token, match.index, false);
      continue;
    }
    // "NCH:s": a suffix after a colon belongs to the abbreviation before it.
    const head = token.split(":")[0] as string;
    const shortened = head.endsWith("-");
    const parts = (shortened ? head.slice(0, -1) : head).split(/[-'’]/);
    let at = match.index;
    for (const [i, part] of parts.entries()) {
      add(part, at, i < parts.length - 1 || shortened);
      at += part.length + 1;
    }
  }
  return words;
}
