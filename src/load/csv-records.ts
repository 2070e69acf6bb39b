import type { Options } from "csv-parse";
import { fieldColumn } from "./csv-fields.js";
import { LineTooLongError, lineBlocks } from "./csv-text.js";
import { LIMITS } from "./limits.js";

/** Where a record's cells start, asked only when a diagnostic needs it. */
export interface CellColumns {
  /** 1-based column where cell `index` of the current record starts in its line. */
  columnOf(index: number): number;
}

/** What a record source reports: csv-parse and the quote-free splitter speak alike. */
export interface RecordSink {
  /** `cells` is reused for the next record: read it, do not keep it. */
  record(cells: readonly string[], line: number, columns: CellColumns): void;
  /** A record csv-parse skips, with its message (without "on line …") and its last line. */
  skip(message: string, line: number): void;
  /** A line longer than LIMITS.lineLength: nothing from it on is read. */
  tooLong(line: number): void;
}

/** Splits the line text[start, end) at every separator into `cells`; returns the count. */
function splitLine(text: string, start: number, end: number, delimiter: string, cells: string[]) {
  let count = 0;
  let from = start;
  for (let at = text.indexOf(delimiter, from); at !== -1 && at < end; ) {
    cells[count++] = text.slice(from, at);
    from = at + 1;
    at = text.indexOf(delimiter, from);
  }
  cells[count++] = text.slice(from, end);
  if (cells.length !== count) cells.length = count;
  return count;
}

/**
 * Records of a text without any `"`, split exactly as csv-parse splits them: every separator
 * separates, empty lines are skipped, and a record whose length differs from the first
 * record's is skipped. Far cheaper: csv-parse makes several calls per byte.
 */
export async function splitPlainRecords(
  chunks: AsyncIterable<string>,
  delimiter: string,
  sink: RecordSink,
): Promise<void> {
  const cells: string[] = [];
  let text = "";
  let lineStart = 0;
  let lineEnd = 0;
  const columns: CellColumns = {
    columnOf: (index) => fieldColumn(text, delimiter, index, lineStart, lineEnd),
  };
  let line = 0;
  let expected = -1;
  try {
    for await (const block of lineBlocks(chunks, LIMITS.lineLength)) {
      text = block;
      for (let start = 0; start < block.length; line++) {
        let end = block.indexOf("\n", start);
        if (end === -1) end = block.length;
        lineStart = start;
        lineEnd = end;
        start = end + 1;
        if (end === lineStart) continue;
        if (end - lineStart > LIMITS.lineLength) return sink.tooLong(line + 1);
        const count = splitLine(block, lineStart, end, delimiter, cells);
        if (expected === -1) expected = count;
        if (count !== expected)
          sink.skip(`Invalid Record Length: expect ${expected}, got ${count}`, line + 1);
        else sink.record(cells, line + 1, columns);
      }
    }
  } catch (error) {
    if (!(error instanceof LineTooLongError)) throw error;
    sink.tooLong(line + 1);
  }
}

/**
 * Records of any CSV text through csv-parse, quoted cells across lines included. csv-parse is
 * loaded here, for a file with quotes: the others never need it.
 */
export async function parseRecords(
  chunks: AsyncIterable<string>,
  delimiter: string,
  sink: RecordSink,
): Promise<void> {
  const { parse } = await import("csv-parse");
  let raw = "";
  const columns: CellColumns = { columnOf: (index) => fieldColumn(raw, delimiter, index) };
  const parser = parse({
    delimiter,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: LIMITS.lineLength,
    on_record: (rawRecord: unknown, context: { lines: number }) => {
      const record = rawRecord as { record: string[]; raw: string };
      // csv-parse's raw text keeps the empty lines it skipped before the record.
      raw = record.raw.replace(/^\n+/, "");
      sink.record(record.record, context.lines, columns);
      return null;
    },
  } as Options);
  let tooLong = false;
  parser.on("skip", (error: Error & { lines?: number; code?: string }) => {
    // csv-parse reports an over-long record again for every piece it reads: once is enough.
    if (error.code === "CSV_MAX_RECORD_SIZE") {
      if (!tooLong) sink.tooLong(error.lines ?? 0);
      tooLong = true;
    } else sink.skip(error.message.replace(/ (on|at) line \d+.*$/, ""), error.lines ?? 0);
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on("end", resolve);
    parser.on("error", reject);
  });
  parser.resume();
  for await (const chunk of chunks) {
    if (tooLong) break;
    if (!parser.write(chunk)) await new Promise((r) => parser.once("drain", r));
  }
  parser.end();
  await done;
}
