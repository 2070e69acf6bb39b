import type { Diagnostic, Position } from "../diagnostics/diagnostic.js";
import { finding, summaryOf } from "../diagnostics/finding.js";
import type { CheckTexts, StreamedText } from "../load/check-inputs.js";
import { cellAt, detectDelimiter } from "../load/csv-fields.js";
import type { YearData } from "../load/dataset.js";
import type { DataFile } from "../load/files.js";
import { positionsOf } from "../load/positions.js";
import { perFileResult } from "../per-file-results.js";
import { findPersonalData, type PersonalDataMatch } from "./personal-data-patterns.js";

/** Beyond this many findings in one file, the rest are summed up in one diagnostic. */
const MAX_FINDINGS_PER_FILE = 100;

// The finding names what was found, never the value: CI logs and annotations are not the place
// to copy personal data to.
function toDiagnostic(file: string, match: PersonalDataMatch, at: Position): Diagnostic {
  const place = { file, ...at };
  if (match.kind === "email" || match.kind === "phone")
    return finding(`personal-data/${match.kind}`, place, {});
  const digits = match.folded.replace(/\D/g, "").length;
  return finding("personal-data/personnummer", place, { kind: match.kind, digits });
}

/** Keeps the first findings of a file and sums up the rest (`total` in all) in one diagnostic. */
function capped(file: string, first: Diagnostic[], total = first.length): Diagnostic[] {
  if (total <= MAX_FINDINGS_PER_FILE) return first;
  const rest = total - MAX_FINDINGS_PER_FILE;
  const last = first[MAX_FINDINGS_PER_FILE - 1] as Diagnostic;
  return [
    ...first.slice(0, MAX_FINDINGS_PER_FILE),
    summaryOf(last, { summary: "more-personal-data", more: rest, file }, last),
  ];
}

function scanText(file: string, text: string, lineOffset = 0, joinLines = true): Diagnostic[] {
  const matches = findPersonalData(text, { joinLines });
  if (matches.length === 0) return [];
  const positionOf = positionsOf(text);
  return matches.map((m) => {
    const at = positionOf(m.index);
    return toDiagnostic(file, m, { line: at.line + lineOffset, column: at.column });
  });
}

/** A call id is an identifier: a name or a note in the id column is free text about a person. */
function looksLikeFreeText(id: string): boolean {
  const t = id.trim();
  return t !== "" && (/\s/.test(t) || !/\d/.test(t));
}

interface IdColumn {
  delimiter: string;
  /** Field index of "id" in the header line; -1 when there is none. */
  index: number;
}

function idColumn(header: string): IdColumn {
  const delimiter = detectDelimiter(header);
  const index = header.split(delimiter).findIndex((h) => h.trim().toLowerCase() === "id");
  return { delimiter, index };
}

function freeTextFinding(file: string, line: number, column: number): Diagnostic {
  return finding("personal-data/free-text", { file, line, column }, {});
}

/** Ids that look like free text in the lines of `block` from offset `from` (line `line`). */
function freeTextIds(file: string, block: string, from: number, line: number, id: IdColumn) {
  const found: Diagnostic[] = [];
  // The fast path for the million plain rows: no quotes, so every delimiter separates.
  const plain = !block.includes('"');
  for (let start = from; start < block.length; line++) {
    let end = block.indexOf("\n", start);
    if (end === -1) end = block.length;
    const cell = cellAt(block, id.delimiter, id.index, { from: start, to: end, plain });
    if (cell && looksLikeFreeText(cell.text)) found.push(freeTextFinding(file, line, cell.column));
    start = end + 1;
  }
  return found;
}

function lineCount(block: string): number {
  let count = 0;
  for (let at = block.indexOf("\n"); at !== -1; at = block.indexOf("\n", at + 1)) count++;
  return count;
}

/**
 * calls.csv scanned a second time as text, streamed in blocks of whole lines (the loader's
 * single pass keeps no rows, and a regex over the text is cheaper than a second CSV parse):
 * personal data anywhere, and free text in the id column. Only the first findings are kept.
 */
async function scanCalls({ file, lineBlocks }: StreamedText): Promise<Diagnostic[]> {
  const blocks = await lineBlocks();
  if (!blocks) return [];
  const first: Diagnostic[] = [];
  let total = 0;
  let id: IdColumn | undefined;
  let line = 1;
  for await (const block of blocks) {
    // The first block starts with the header line: the rows start after it.
    let from = 0;
    if (!id) {
      from = block.indexOf("\n") === -1 ? block.length : block.indexOf("\n") + 1;
      id = idColumn(block.slice(0, from).replace(/\n$/, ""));
    }
    const rowsLine = from === 0 ? line : line + 1;
    // Only the id column can hold free text; the others are checked against vocabularies.
    const found = id.index >= 0 ? freeTextIds(file.rel, block, from, rowsLine, id) : [];
    found.push(...scanText(file.rel, block, line - 1, false));
    found.sort((a, b) => a.line - b.line || a.column - b.column);
    total += found.length;
    first.push(...found.slice(0, MAX_FINDINGS_PER_FILE - first.length));
    line += lineCount(block);
  }
  return capped(file.rel, first, total);
}

/** An identity number in a file's name would reach messages and the manifest: refused. */
function scanFileName(file: DataFile): Diagnostic[] {
  return findPersonalData(file.rel)
    .filter((m) => m.kind === "personnummer" || m.kind === "samordningsnummer")
    .slice(0, 1)
    .map((m) => ({
      ...toDiagnostic(file.rel, m, { line: 0, column: 0 }),
      message: `The file's name holds a ${m.kind}; identity numbers must never reach the report.`,
      hint: "Rename the file (status reports are named after the county: counties/skane.yaml).",
    }));
}

/** Personal identity numbers, e-mail addresses and phone numbers in any input, chapters included. */
export async function checkPersonalData(data: YearData, inputs: CheckTexts): Promise<Diagnostic[]> {
  const texts = await inputs.smallTexts();
  const found = data.inputs.flatMap(scanFileName);
  // CSV lines are records: a line end is never a space inside a value.
  for (const t of texts) {
    const slot = `personal-data\0${t.kind === "csv"}\0${t.file.rel}`;
    found.push(
      ...perFileResult(slot, t.text, () =>
        capped(t.file.rel, scanText(t.file.rel, t.text, 0, t.kind !== "csv")),
      ),
    );
  }
  for (const large of inputs.largeTexts) {
    found.push(...(await scanCalls(large)));
  }
  return found;
}
