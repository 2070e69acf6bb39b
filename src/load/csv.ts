import { isUtf8 } from "node:buffer";
import { type Options, parse } from "csv-parse";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type DataFile, readLimited, SIZE_LIMITS } from "./files.js";

export interface CsvColumn {
  name: string;
  required: boolean;
}

/** One row as the consumer sees it; the same object is reused for every row (no garbage). */
export interface CsvRow {
  /** Line of the file the row ends on (1-based, header = line 1). */
  line: number;
  get(column: string): string;
  /** 1-based column of a cell within its line, for diagnostics. */
  columnOf(column: string): number;
}

export interface CsvResult {
  diagnostics: Diagnostic[];
  /** Data rows read (header excluded). */
  rows: number;
  /** False when the file could not be read or its header is unusable: no rows were seen. */
  readable: boolean;
}

const DELIMITERS = [",", ";", "\t"] as const;
const CHUNK = 1 << 20;

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** Picks the encoding from the BOM or the bytes: Excel writes UTF-8 with BOM, UTF-16 or Windows-1252. */
export function detectEncoding(bytes: Buffer): { encoding: Encoding; offset: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: "utf-8", offset: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", offset: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", offset: 2 };
  if (bytes.subarray(0, 4096).includes(0)) return undefined;
  return isUtf8(bytes) ? { encoding: "utf-8", offset: 0 } : { encoding: "windows-1252", offset: 0 };
}

/** Decoded text in chunks, CRLF and lone CR turned into LF (csv-parse miscounts lines otherwise). */
function* decodedChunks(bytes: Buffer, encoding: Encoding, offset: number): Generator<string> {
  const decoder = new TextDecoder(encoding);
  let pendingCr = false;
  for (let start = offset; start < bytes.length; start += CHUNK) {
    let text = decoder.decode(bytes.subarray(start, start + CHUNK), { stream: true });
    if (pendingCr) text = `\r${text}`;
    pendingCr = text.endsWith("\r");
    if (pendingCr) text = text.slice(0, -1);
    yield text.replace(/\r\n?/g, "\n");
  }
  const rest = decoder.decode() + (pendingCr ? "\n" : "");
  if (rest) yield rest.replace(/\r\n?/g, "\n");
}

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

/** 1-based column where field `index` starts within a raw record. */
function fieldColumn(raw: string, delimiter: string, index: number): number {
  let field = 0;
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    if (field === index) return i + 1;
    const ch = raw[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) field++;
  }
  return raw.length + 1;
}

const foldHeader = (h: string) => h.trim().toLowerCase();

/**
 * Streams a CSV file row by row through csv-parse without keeping rows: the consumer
 * aggregates as it goes. Encoding and separator are detected; problems become diagnostics.
 */
export async function streamCsv(
  file: DataFile,
  columns: readonly CsvColumn[],
  onRow: (row: CsvRow) => void,
): Promise<CsvResult> {
  const diagnostics: Diagnostic[] = [];
  const fail = (): CsvResult => ({ diagnostics, rows: 0, readable: false });
  const read = await readLimited(file, SIZE_LIMITS.csv);
  if ("diagnostic" in read) return { ...fail(), diagnostics: [read.diagnostic] };
  const detected = detectEncoding(read.bytes);
  if (!detected) {
    diagnostics.push({
      severity: "error",
      code: "encoding/not-utf8",
      message: `${file.rel} is not text in a known encoding (it contains NUL bytes).`,
      file: file.rel,
      line: 0,
      column: 0,
      hint: 'In Excel, save it with "Spara som" › "CSV UTF-8 (kommaavgränsad)".',
    });
    return fail();
  }
  if (detected.encoding === "windows-1252") {
    diagnostics.push({
      severity: "warning",
      code: "encoding/windows-1252",
      message: `${file.rel} is not UTF-8; it was read as Windows-1252 (Excel's "CSV (semikolonavgränsad)").`,
      file: file.rel,
      line: 0,
      column: 0,
      hint: 'Check å, ä and ö in the report; to be sure, save it in Excel as "CSV UTF-8 (kommaavgränsad)".',
    });
  }
  const chunks = decodedChunks(read.bytes, detected.encoding, detected.offset);
  const first = chunks.next();
  if (first.done || first.value.trim() === "") {
    diagnostics.push({
      severity: "error",
      code: "csv/missing-column",
      message: `${file.rel} is empty: it has no header line.`,
      file: file.rel,
      line: 1,
      column: 1,
      hint: `The first line names the columns: ${columns.map((c) => c.name).join(",")}.`,
    });
    return fail();
  }
  const delimiter = detectDelimiter(first.value.slice(0, first.value.indexOf("\n") >>> 0));

  let index = new Map<string, number>();
  let raw = "";
  let values: string[] = [];
  let headerOk = true;
  const row: CsvRow = {
    line: 0,
    get: (name) => {
      const i = index.get(name);
      return i === undefined ? "" : (values[i] ?? "");
    },
    columnOf: (name) => fieldColumn(raw, delimiter, index.get(name) ?? 0),
  };
  let rows = 0;

  const parser = parse({
    delimiter,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (rawRecord: unknown, context: { lines: number; records: number }) => {
      const record = rawRecord as { record: string[]; raw: string };
      if (context.records === 1) {
        const header = checkHeader(
          file.rel,
          record.record,
          record.raw,
          delimiter,
          columns,
          diagnostics,
        );
        index = header.index;
        headerOk = header.ok;
        return null;
      }
      if (!headerOk) return null;
      rows++;
      values = record.record;
      raw = record.raw;
      row.line = context.lines;
      onRow(row);
      return null;
    },
  } as Options);
  parser.on("skip", (error: Error & { lines?: number }) => {
    diagnostics.push({
      severity: "error",
      code: "csv/syntax",
      message: error.message.replace(/ (on|at) line \d+.*$/, ""),
      file: file.rel,
      line: error.lines ?? 0,
      column: 1,
      hint: `Each row needs the header's ${index.size} columns separated by "${delimiter === "\t" ? "tab" : delimiter}"; quote cells that contain the separator.`,
    });
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on("end", resolve);
    parser.on("error", reject);
  });
  parser.resume();
  parser.write(first.value);
  for (const chunk of chunks) {
    if (!parser.write(chunk)) await new Promise((r) => parser.once("drain", r));
  }
  parser.end();
  await done;
  return { diagnostics, rows, readable: headerOk };
}

function checkHeader(
  file: string,
  header: string[],
  raw: string,
  delimiter: string,
  columns: readonly CsvColumn[],
  diagnostics: Diagnostic[],
): { index: Map<string, number>; ok: boolean } {
  const index = new Map<string, number>();
  const known = new Set(columns.map((c) => c.name));
  let ok = true;
  header.forEach((name, i) => {
    const folded = foldHeader(name.replace(/^\uFEFF/, ""));
    if (known.has(folded)) index.set(folded, i);
    else {
      diagnostics.push({
        severity: "error",
        code: "csv/unknown-column",
        message: `Unknown column "${name}".`,
        file,
        line: 1,
        column: fieldColumn(raw, delimiter, i),
        hint: `The columns are: ${columns.map((c) => c.name).join(", ")}.`,
      });
    }
  });
  for (const column of columns) {
    if (column.required && !index.has(column.name)) {
      ok = false;
      diagnostics.push({
        severity: "error",
        code: "csv/missing-column",
        message: `The required column "${column.name}" is missing.`,
        file,
        line: 1,
        column: 1,
        hint: `The header line must name: ${columns
          .filter((c) => c.required)
          .map((c) => c.name)
          .join(", ")}.`,
      });
    }
  }
  return { index, ok };
}
