import { crc32 } from "node:zlib";
import { contentKey } from "../../cache-key.js";
import { type CacheSpace, NO_CACHE } from "../../cache-space.js";
import { packageVersion, TOOL_VERSION } from "../../version.js";
import { chartFontFiles, FONT_FAMILY } from "./font-metrics.js";

export interface PngOptions {
  /** Print resolution; the SVG's px are CSS px (96 per inch). Default 300. */
  dpi?: number;
  /** The cache's `charts` namespace; none: rasterised every time. */
  cache?: CacheSpace;
}

/**
 * Rasterises a chart's SVG for Word: at `dpi` (300 by default), with the bundled fonts only, so
 * the PNG is the same on every machine, and with the resolution recorded in the file (pHYs), so
 * Word and pandoc place it at its real size.
 */
export async function renderChartPng(
  svg: string,
  { dpi = 300, cache = NO_CACHE.charts }: PngOptions = {},
): Promise<Buffer> {
  // An unchanged chart is read back from the cache: rasterising six charts costs ~0.3 s.
  const key = contentKey([TOOL_VERSION, packageVersion("@resvg/resvg-js"), PNG_VERSION, dpi, svg]);
  const base64 = await cache.result({
    slot: key,
    key,
    valid: (png): png is string => typeof png === "string",
    compute: async () => (await rasterise(svg, dpi)).toString("base64"),
  });
  return Buffer.from(base64, "base64");
}

/** Bump when rasterising changes in a way the SVG does not show (fonts, options). */
const PNG_VERSION = 1;

async function rasterise(svg: string, dpi: number): Promise<Buffer> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: dpi / 96 },
    font: {
      fontFiles: chartFontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  return withResolution(resvg.render().asPng(), dpi);
}

/** Inserts a pHYs chunk (pixels per metre) after IHDR, replacing any there is. */
export function withResolution(png: Buffer, dpi: number): Buffer {
  const ihdrEnd = 8 + 8 + 13 + 4;
  const chunks: Buffer[] = [png.subarray(0, ihdrEnd)];
  for (let at = ihdrEnd; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (png.toString("latin1", at + 4, at + 8) !== "pHYs") chunks.push(png.subarray(at, end));
    at = end;
  }
  const perMetre = Math.round(dpi / 0.0254);
  const body = Buffer.alloc(13);
  body.write("pHYs", 0, "latin1");
  body.writeUInt32BE(perMetre, 4);
  body.writeUInt32BE(perMetre, 8);
  body.writeUInt8(1, 12);
  const chunk = Buffer.alloc(12 + 9);
  chunk.writeUInt32BE(9, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), 17);
  chunks.splice(1, 0, chunk);
  return Buffer.concat(chunks);
}
