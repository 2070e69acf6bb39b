import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type DataFile, SIZE_LIMITS, statLimited, unreadable } from "./files.js";
import { normaliseText } from "./text.js";

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** How a CSV file's bytes become text, decided over the whole file before any row is read. */
export interface TextFormat {
  encoding: Encoding;
  /** Length of the byte order mark, skipped. */
  offset: number;
  /** False when the file has no `"`: every separator then separates and every line ends a row. */
  quoted: boolean;
}

/** A readable file's format, undefined when it is not text (NUL bytes); or why it is unreadable. */
export type Sniffed = { format: TextFormat | undefined } | { diagnostic: Diagnostic };

// Chunks of 64 KiB stay in the young generation: larger strings go straight to old space.
const CHUNK = 1 << 16;
const HEAD = 4096;
const QUOTE = 0x22;

function byteOrderMark(bytes: Buffer): { encoding: Encoding; offset: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: "utf-8", offset: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", offset: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", offset: 2 };
  return undefined;
}

/** Picks the encoding from the BOM or the bytes: Excel writes UTF-8 with BOM, UTF-16 or Windows-1252. */
export function detectEncoding(bytes: Buffer): { encoding: Encoding; offset: number } | undefined {
  const bom = byteOrderMark(bytes);
  if (bom) return bom;
  if (bytes.subarray(0, HEAD).includes(0)) return undefined;
  return isUtf8(bytes) ? { encoding: "utf-8", offset: 0 } : { encoding: "windows-1252", offset: 0 };
}

/** Bytes at the end of a chunk that begin a UTF-8 sequence the next chunk completes. */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** One pass over the bytes, as detectEncoding would see them whole: valid UTF-8? any `"`? */
async function scanBytes(abs: string): Promise<{ utf8: boolean; quoted: boolean }> {
  let utf8 = true;
  let quoted = false;
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(abs, {
    highWaterMark: CHUNK,
  }) as AsyncIterable<Buffer>) {
    if (!quoted) quoted = chunk.includes(QUOTE);
    if (utf8) {
      const tail = incompleteTail(chunk);
      const body = chunk.subarray(0, chunk.length - tail);
      utf8 = isUtf8(carry.length > 0 ? Buffer.concat([carry, body]) : body);
      carry = Buffer.from(chunk.subarray(chunk.length - tail));
    }
  }
  return { utf8: utf8 && carry.length === 0, quoted };
}

async function readHead(abs: string): Promise<Buffer> {
  const handle = await open(abs, "r");
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(HEAD), 0, HEAD, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Decides a CSV file's format without holding it: the BOM and the first bytes, then one
 * streamed pass for UTF-8 validity and quotes (a read from the page cache, ~0.05 s for 50 MB).
 */
export async function sniffCsvText(file: DataFile): Promise<Sniffed> {
  const checked = await statLimited(file, SIZE_LIMITS.csv);
  if ("diagnostic" in checked) return checked;
  try {
    const head = await readHead(file.abs);
    const bom = byteOrderMark(head);
    // UTF-16 always goes through csv-parse: Excel's "Unicode text" is small.
    if (bom && bom.encoding !== "utf-8") return { format: { ...bom, quoted: true } };
    if (!bom && head.includes(0)) return { format: undefined };
    const { utf8, quoted } = await scanBytes(file.abs);
    const encoding = bom || utf8 ? "utf-8" : "windows-1252";
    return { format: { encoding, offset: bom?.offset ?? 0, quoted } };
  } catch (error) {
    return unreadable(file, error);
  }
}

/**
 * Decoded text chunk by chunk, normalised as every text input is (LF, NFC). Each chunk but the
 * last ends at a line end, so that no CRLF pair or letter with its combining mark is cut apart.
 */
export async function* textChunks(file: DataFile, format: TextFormat): AsyncGenerator<string> {
  const decoder = new TextDecoder(format.encoding);
  const bytes = createReadStream(file.abs, { start: format.offset, highWaterMark: CHUNK });
  let carry = "";
  for await (const chunk of bytes as AsyncIterable<Buffer>) {
    const text = carry + decoder.decode(chunk, { stream: true });
    const cut = Math.max(text.lastIndexOf("\n"), text.lastIndexOf("\r")) + 1;
    // A CR at the very end may be the first half of a CRLF: keep it for the next chunk.
    const end = cut === text.length && text.endsWith("\r") ? cut - 1 : cut;
    carry = text.slice(end);
    if (end > 0) yield normaliseText(text.slice(0, end));
  }
  const rest = carry + decoder.decode();
  if (rest) yield normaliseText(rest);
}

/** A line longer than lineBlocks' `maxLine`: the lines before it were yielded whole. */
export class LineTooLongError extends Error {
  constructor(readonly maxLine: number) {
    super(`A line is longer than ${maxLine} characters.`);
  }
}

/**
 * Text in blocks of whole lines (the last block may lack its final LF): no line is cut. Only
 * each new chunk is searched for a line end, so a line of megabytes costs linear time; past
 * `maxLine` characters of one line it throws LineTooLongError.
 */
export async function* lineBlocks(
  chunks: AsyncIterable<string>,
  maxLine = Number.POSITIVE_INFINITY,
): AsyncGenerator<string> {
  let carry = "";
  for await (const chunk of chunks) {
    const cut = chunk.lastIndexOf("\n") + 1;
    if (cut === 0) {
      carry += chunk;
      if (carry.length > maxLine) throw new LineTooLongError(maxLine);
      continue;
    }
    yield carry + chunk.slice(0, cut);
    carry = chunk.slice(cut);
  }
  if (carry !== "") yield carry;
}
