import { readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import type { YearData } from "../load/dataset.js";
import { positionsOf, smallInputTexts } from "../load/input-text.js";
import { describeCharacter } from "../load/text.js";

/**
 * The fonts templates/typst/report.typ sets text in, in its order. Typst's fallback to system
 * fonts is off, so a character none of them has would print as an empty box (or fail PDF/UA).
 */
export const PDF_FONT_FILES = [
  "SourceSans3_400Regular.ttf",
  "NotoSansArabic_400Regular.ttf",
  "NotoSansEthiopic_400Regular.ttf",
  "NotoSansSymbols2_400Regular.ttf",
  "NotoEmoji_400Regular.ttf",
] as const;

/** Characters that need no glyph of their own: joiners, marks of direction, variation selectors, tags. */
const NO_GLYPH: readonly [number, number][] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x2060, 0x2064],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0020, 0xe007f],
  [0xe0100, 0xe01ef],
];

const needsNoGlyph = (codePoint: number, ch: string) =>
  /\s/.test(ch) || NO_GLYPH.some(([from, to]) => codePoint >= from && codePoint <= to);

/** Code points a TrueType font maps to a glyph, from its Unicode cmap (formats 4 and 12). */
function cmapCodePoints(font: Buffer, into: Set<number>): void {
  let cmap = -1;
  for (let i = 0; i < font.readUInt16BE(4); i++) {
    const record = 12 + 16 * i;
    if (font.toString("latin1", record, record + 4) === "cmap")
      cmap = font.readUInt32BE(record + 8);
  }
  if (cmap < 0) return;
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const platform = font.readUInt16BE(cmap + 4 + 8 * i);
    const offset = cmap + font.readUInt32BE(cmap + 8 + 8 * i);
    if (platform !== 0 && platform !== 3) continue;
    const format = font.readUInt16BE(offset);
    if (format === 4) format4(font, offset, into);
    else if (format === 12) format12(font, offset, into);
  }
}

function format4(font: Buffer, at: number, into: Set<number>): void {
  const segments = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const start = font.readUInt16BE(starts + 2 * s);
    const end = font.readUInt16BE(ends + 2 * s);
    const delta = font.readInt16BE(deltas + 2 * s);
    const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      const glyph =
        rangeOffset === 0
          ? (c + delta) & 0xffff
          : font.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
      if (glyph !== 0) into.add(c);
    }
  }
}

function format12(font: Buffer, at: number, into: Set<number>): void {
  const groups = font.readUInt32BE(at + 12);
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + 12 * g;
    const end = font.readUInt32BE(group + 4);
    for (let c = font.readUInt32BE(group); c <= end; c++) into.add(c);
  }
}

const coverage = new Map<string, Set<number>>();

/** Every code point the PDF's fonts can print; read once per process. */
export function pdfCoverage(fontDir: string): Set<number> {
  let covered = coverage.get(fontDir);
  if (!covered) {
    covered = new Set<number>();
    for (const file of PDF_FONT_FILES)
      cmapCodePoints(readFileSync(path.join(fontDir, file)), covered);
    coverage.set(fontDir, covered);
  }
  return covered;
}

/** The characters of a text that no PDF font has, each once, in order of appearance. */
export function unprintableCharacters(text: string, fontDir: string): string[] {
  const covered = pdfCoverage(fontDir);
  const missing = new Set<string>();
  for (const ch of text) {
    const codePoint = ch.codePointAt(0) as number;
    if (codePoint < 0x80 || covered.has(codePoint) || needsNoGlyph(codePoint, ch)) continue;
    missing.add(ch);
  }
  return [...missing];
}

/**
 * Each place in the inputs where a character the PDF cannot print is written, as an error that
 * names it; the rendered text's own line when no input has it (a project template's literal).
 */
export async function unprintableDiagnostics(
  markdown: string,
  data: YearData,
  fontDir: string,
): Promise<Diagnostic[]> {
  const missing = unprintableCharacters(markdown, fontDir);
  if (missing.length === 0) return [];
  const texts = await smallInputTexts(data);
  const places: Place[] = [];
  for (const ch of missing) {
    const inInputs = texts.flatMap(({ file, text }) => placesOf(ch, file.rel, text));
    places.push(...(inInputs.length > 0 ? inInputs : placesOf(ch, "report.pandoc.md", markdown)));
  }
  const found = runsOf(places).map(
    (run): Diagnostic =>
      finding(
        "text/unprintable-character",
        { file: run.file, line: run.line, column: run.column },
        {
          character: describeCharacter(run.text.codePointAt(0) as number),
          ...([...run.text].length > 1 && { text: run.text }),
        },
      ),
  );
  return found.slice(0, MAX_REPORTED);
}

/** One message per place, up to a screenful. */
const MAX_REPORTED = 20;

interface Place {
  file: string;
  line: number;
  column: number;
  text: string;
}

function placesOf(ch: string, file: string, text: string): Place[] {
  const at = positionsOf(text);
  const places: Place[] = [];
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) {
    places.push({ file, ...at(i), text: ch });
    if (places.length >= MAX_REPORTED) break;
  }
  return places;
}

/** Adjacent unprintable characters (a word) as one place, so that a word is one message. */
function runsOf(places: Place[]): Place[] {
  const sorted = [...places].sort(
    (a, b) => a.file.localeCompare(b.file, "en") || a.line - b.line || a.column - b.column,
  );
  const runs: Place[] = [];
  for (const place of sorted) {
    const last = runs.at(-1);
    const adjacent =
      last?.file === place.file &&
      last.line === place.line &&
      last.column + last.text.length === place.column;
    if (last && adjacent) last.text += place.text;
    else runs.push({ ...place });
  }
  return runs;
}
