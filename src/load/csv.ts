import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import { detectDelimiter } from "./csv-fields.js";
import {
  type CellColumns,
  parseRecords,
  type RecordSink,
  splitPlainRecords,
} from "./csv-records.js";
import { sniffCsvText, type TextFormat, textChunks } from "./csv-text.js";
import type { DataFile } from "./files.js";
import { CappedFindings, longLineFinding } from "./limits.js";
import { controlCharacters } from "./text.js";

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

const foldHeader = (h: string) => h.trim().toLowerCase();

/**
 * Streams a CSV file row by row without keeping rows: the consumer aggregates as it goes.
 * Encoding and separator are detected; problems become diagnostics.
 */
export async function streamCsv(
  file: DataFile,
  columns: readonly CsvColumn[],
  onRow: (row: CsvRow) => void,
): Promise<CsvResult> {
  const sniffed = await sniffCsvText(file);
  if ("diagnostic" in sniffed)
    return { diagnostics: [sniffed.diagnostic], rows: 0, readable: false };
  const diagnostics = encodingDiagnostics(file.rel, sniffed.format);
  if (!sniffed.format) return { diagnostics, rows: 0, readable: false };
  const chunks = scanned(textChunks(file, sniffed.format), file.rel, diagnostics);
  const first = await chunks.next();
  if (first.done || first.value.trim() === "") {
    await chunks.return(undefined);
    diagnostics.push(
      finding(
        "csv/missing-column",
        { file: file.rel, line: 1, column: 1 },
        { problem: "empty", file: file.rel, known: columns.map((c) => c.name) },
      ),
    );
    return { diagnostics, rows: 0, readable: false };
  }
  const delimiter = detectDelimiter(first.value.slice(0, first.value.indexOf("\n") >>> 0));
  const reader = new RowReader(file.rel, columns, delimiter, diagnostics, onRow);
  const records = sniffed.format.quoted ? parseRecords : splitPlainRecords;
  await records(prepend(first.value, chunks), delimiter, reader);
  diagnostics.push(...reader.skipped.all());
  return { diagnostics, rows: reader.rows, readable: reader.headerOk && reader.complete };
}

/** Passes the text on, reporting refused invisible characters at their line (chunks end at line ends). */
async function* scanned(
  chunks: AsyncIterable<string>,
  file: string,
  diagnostics: Diagnostic[],
): AsyncGenerator<string> {
  let line = 1;
  for await (const chunk of chunks) {
    diagnostics.push(...controlCharacters(file, chunk, line));
    for (let i = chunk.indexOf("\n"); i !== -1; i = chunk.indexOf("\n", i + 1)) line++;
    yield chunk;
  }
}

async function* prepend(first: string, rest: AsyncIterable<string>): AsyncGenerator<string> {
  yield first;
  yield* rest;
}

function encodingDiagnostics(rel: string, format: TextFormat | undefined): Diagnostic[] {
  if (!format) {
    return [
      finding(
        "encoding/not-utf8",
        { file: rel, line: 0, column: 0 },
        { problem: "nul", file: rel },
      ),
    ];
  }
  if (format.encoding !== "windows-1252") return [];
  return [finding("encoding/windows-1252", { file: rel, line: 0, column: 0 }, { file: rel })];
}

/** Turns records into rows: the first record is the header, the rest reach the consumer. */
class RowReader implements RecordSink {
  rows = 0;
  headerOk = true;
  readonly skipped = new CappedFindings();
  /** False when a line past the length limit stopped the reading: the rows are not all there. */
  complete = true;
  private header: Map<string, number> | undefined;
  private cells: readonly string[] = [];
  private positions: CellColumns = { columnOf: () => 1 };
  // One row object for every record: a million rows make no garbage here.
  private readonly row: CsvRow = {
    line: 0,
    get: (name) => {
      const i = this.header?.get(name);
      return i === undefined ? "" : (this.cells[i] ?? "");
    },
    columnOf: (name) => this.positions.columnOf(this.header?.get(name) ?? 0),
  };

  constructor(
    private readonly file: string,
    private readonly columns: readonly CsvColumn[],
    private readonly delimiter: string,
    private readonly diagnostics: Diagnostic[],
    private readonly onRow: (row: CsvRow) => void,
  ) {}

  record(cells: readonly string[], line: number, positions: CellColumns): void {
    if (!this.header) {
      const checked = checkHeader(this.file, cells, positions, this.columns, this.diagnostics);
      this.header = checked.index;
      this.headerOk = checked.ok;
      return;
    }
    if (!this.headerOk) return;
    this.rows++;
    this.cells = cells;
    this.positions = positions;
    this.row.line = line;
    this.onRow(this.row);
  }

  tooLong(line: number): void {
    this.complete = false;
    this.diagnostics.push(longLineFinding(this.file, line, undefined, "CSV"));
  }

  skip(message: string, line: number): void {
    const separator = this.delimiter === "\t" ? "tab" : this.delimiter;
    this.skipped.add(
      finding(
        "csv/syntax",
        { file: this.file, line, column: 1 },
        { detail: message, columns: this.header?.size ?? 0, separator },
      ),
    );
  }
}

function checkHeader(
  file: string,
  header: readonly string[],
  positions: CellColumns,
  columns: readonly CsvColumn[],
  diagnostics: Diagnostic[],
): { index: Map<string, number>; ok: boolean } {
  const index = new Map<string, number>();
  const known = new Set(columns.map((c) => c.name));
  let ok = true;
  header.forEach((name, i) => {
    const folded = foldHeader(name.replace(/^\uFEFF/, ""));
    if (index.has(folded)) {
      // Two cells of one name: which one counts would be a guess, and a wrong guess publishes wrong figures.
      ok = false;
      diagnostics.push(
        finding(
          "csv/duplicate-column",
          { file, line: 1, column: positions.columnOf(i) },
          { column: folded, first: (index.get(folded) ?? 0) + 1, second: i + 1 },
        ),
      );
    } else if (known.has(folded)) index.set(folded, i);
    else {
      diagnostics.push(
        finding(
          "csv/unknown-column",
          { file, line: 1, column: positions.columnOf(i) },
          { column: name, known: columns.map((c) => c.name) },
        ),
      );
    }
  });
  for (const column of columns) {
    if (column.required && !index.has(column.name)) {
      ok = false;
      diagnostics.push(
        finding(
          "csv/missing-column",
          { file, line: 1, column: 1 },
          {
            problem: "column",
            column: column.name,
            known: columns.filter((c) => c.required).map((c) => c.name),
          },
        ),
      );
    }
  }
  return { index, ok };
}
