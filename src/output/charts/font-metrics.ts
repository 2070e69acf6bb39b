import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { TEMPLATES_DIR } from "../../package-root.js";

/** The bundled fonts: the documents' typeface, so measured widths match the rendered PNG and PDF. */
export const FONT_DIR = path.join(TEMPLATES_DIR, "fonts");
export const FONT_FAMILY = "Source Sans 3";

const FONT_FILES = {
  regular: "SourceSans3_400Regular.ttf",
  semibold: "SourceSans3_600SemiBold.ttf",
  bold: "SourceSans3_700Bold.ttf",
} as const;
type Weight = keyof typeof FONT_FILES;

/** Advance widths of one font, in font units, looked up by code point. */
interface AdvanceTable {
  unitsPerEm: number;
  advance(codePoint: number): number;
}

/** Reads `head`, `hhea`, `hmtx` and the format 4 (BMP) `cmap` subtable of a TrueType font. */
export function parseAdvanceTable(font: Buffer): AdvanceTable {
  const tables = new Map<string, number>();
  const numTables = font.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    tables.set(font.toString("latin1", record, record + 4), font.readUInt32BE(record + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(table("head") + 18);
  const numberOfHMetrics = font.readUInt16BE(table("hhea") + 34);
  const hmtx = table("hmtx");
  const glyphAdvance = (glyph: number) =>
    font.readUInt16BE(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  const cmap = table("cmap");
  let format4 = -1;
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const platform = font.readUInt16BE(cmap + 4 + 8 * i);
    const encoding = font.readUInt16BE(cmap + 6 + 8 * i);
    const offset = cmap + font.readUInt32BE(cmap + 8 + 8 * i);
    if (platform === 3 && encoding === 1 && font.readUInt16BE(offset) === 4) format4 = offset;
  }
  if (format4 < 0) throw new Error("font has no Unicode BMP cmap");
  const segments = font.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;

  const glyphOf = (codePoint: number): number => {
    for (let s = 0; s < segments; s++) {
      if (codePoint > font.readUInt16BE(ends + 2 * s)) continue;
      const start = font.readUInt16BE(starts + 2 * s);
      if (codePoint < start) return 0;
      const delta = font.readInt16BE(deltas + 2 * s);
      const rangeOffsetAt = rangeOffsets + 2 * s;
      const rangeOffset = font.readUInt16BE(rangeOffsetAt);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsetAt + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  return {
    unitsPerEm,
    advance(codePoint) {
      let width = cache.get(codePoint);
      if (width === undefined) {
        width = codePoint > 0xffff ? unitsPerEm / 2 : glyphAdvance(glyphOf(codePoint));
        cache.set(codePoint, width);
      }
      return width;
    },
  };
}

const loaded = new Map<Weight, AdvanceTable>();
function advanceTable(weight: Weight): AdvanceTable {
  let table = loaded.get(weight);
  if (!table) {
    table = parseAdvanceTable(readFileSync(path.join(FONT_DIR, FONT_FILES[weight])));
    loaded.set(weight, table);
  }
  return table;
}

function weightOf(fontWeight: unknown): Weight {
  const numeric =
    fontWeight === "bold" || fontWeight === "bolder"
      ? 700
      : typeof fontWeight === "number"
        ? fontWeight
        : Number(fontWeight) || 400;
  return numeric >= 700 ? "bold" : numeric >= 600 ? "semibold" : "regular";
}

/**
 * Width in px of a line of text set in Source Sans 3, without kerning. Vega lays out labels with
 * this instead of a canvas (absent, or machine-dependent), so the SVG is the same everywhere.
 */
export function textWidth(text: string, fontSize: number, fontWeight?: unknown): number {
  const table = advanceTable(weightOf(fontWeight));
  let units = 0;
  for (const char of text) units += table.advance(char.codePointAt(0) ?? 0);
  return (units * fontSize) / table.unitsPerEm;
}

/** The bundled font's files, which rasterising a chart uses and no system font. */
export function chartFontFiles(): string[] {
  return readdirSync(FONT_DIR)
    .filter((f) => f.startsWith("SourceSans3") && f.endsWith(".ttf"))
    .sort()
    .map((f) => path.join(FONT_DIR, f));
}
