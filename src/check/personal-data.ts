import type { Diagnostic, Position } from "../diagnostics/diagnostic.js";
import { detectDelimiter } from "../load/csv.js";
import type { YearData } from "../load/dataset.js";
import { type DataFile, readLimited, SIZE_LIMITS } from "../load/files.js";
import { decodeInput, isLargeInput, positionsOf, smallInputTexts } from "./input-text.js";
import { findPersonalData, type PersonalDataMatch } from "./personal-data-patterns.js";

/** Beyond this many findings in one file, the rest are summed up in one diagnostic. */
const MAX_FINDINGS_PER_FILE = 100;

const digitCount = (text: string) => text.replace(/\D/g, "").length;

// The finding names what was found, never the value: CI logs and annotations are not the place
// to copy personal data to.
const DESCRIBE: Record<PersonalDataMatch["kind"], (m: PersonalDataMatch) => string> = {
  personnummer: (m) => `A personnummer (${digitCount(m.text)} digits)`,
  samordningsnummer: (m) => `A samordningsnummer (${digitCount(m.text)} digits)`,
  email: (m) => `An e-mail address at ${m.text.slice(m.text.indexOf("@") + 1)}`,
  phone: () => "A phone number",
};

function toDiagnostic(file: string, match: PersonalDataMatch, at: Position): Diagnostic {
  const what = DESCRIBE[match.kind](match);
  if (match.kind === "email" || match.kind === "phone") {
    return {
      severity: "warning",
      code: `personal-data/${match.kind}`,
      message: `${what} is in the text; contact details of a person must not reach the report.`,
      file,
      ...at,
      hint:
        match.kind === "email"
          ? "Remove it, or give the organisation's functional mailbox (such as nch@lansstyrelsen.se)."
          : "Remove it, or give the organisation's published number (010-22x xx xx).",
    };
  }
  return {
    severity: "error",
    code: "personal-data/personnummer",
    message: `${what} with a valid check digit is in the input; identity numbers must never reach the report.`,
    file,
    ...at,
    hint: "Delete the number here and in the file's history; describe the person without identifying data.",
  };
}

/** Keeps the first findings of a file and sums up the rest in one diagnostic. */
function capped(file: string, found: Diagnostic[]): Diagnostic[] {
  if (found.length <= MAX_FINDINGS_PER_FILE) return found;
  const rest = found.length - MAX_FINDINGS_PER_FILE;
  const last = found[MAX_FINDINGS_PER_FILE - 1] as Diagnostic;
  return [
    ...found.slice(0, MAX_FINDINGS_PER_FILE),
    {
      ...last,
      message: `… and ${rest} more findings of personal data in ${file}, not listed one by one.`,
      hint: "Clean the file at its source (the export or the register it came from) and export it again.",
    },
  ];
}

function scanText(file: string, text: string, lineOffset = 0): Diagnostic[] {
  const matches = findPersonalData(text);
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

/** The cell at a field index of a CSV line, with its 1-based column (quotes respected). */
function cellAt(line: string, delimiter: string, index: number) {
  let start = 0;
  if (!line.includes('"')) {
    // The fast path for the million plain rows: no quotes, so every delimiter separates.
    for (let i = 0; i < index; i++) {
      const next = line.indexOf(delimiter, start);
      if (next === -1) return undefined;
      start = next + 1;
    }
    const end = line.indexOf(delimiter, start);
    return { text: line.slice(start, end === -1 ? line.length : end), column: start + 1 };
  }
  let field = 0;
  let quoted = false;
  for (let i = 0; i <= line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (i === line.length || (ch === delimiter && !quoted)) {
      if (field === index) {
        return { text: line.slice(start, i).replace(/^"|"$/g, ""), column: start + 1 };
      }
      field++;
      start = i + 1;
    }
  }
  return undefined;
}

/**
 * calls.csv scanned a second time as raw text — the loader's single pass keeps no rows, and
 * a regex over the text is cheaper than a second CSV parse (about 0.5 s for a million rows,
 * against 7 s for loading): personal data anywhere, and free text in the id column.
 */
async function scanCalls(file: DataFile): Promise<Diagnostic[]> {
  const read = await readLimited(file, SIZE_LIMITS.csv);
  if ("diagnostic" in read) return [];
  const text = decodeInput(read.bytes);
  if (text === undefined) return [];
  const found: Diagnostic[] = [];
  const headerEnd = text.indexOf("\n") === -1 ? text.length : text.indexOf("\n");
  const header = text.slice(0, headerEnd).replace(/\r$/, "");
  const delimiter = detectDelimiter(header);
  const idIndex = header.split(delimiter).findIndex((h) => h.trim().toLowerCase() === "id");
  // Only the id column can hold free text; the others are checked against vocabularies.
  if (idIndex >= 0) {
    let start = headerEnd + 1;
    let line = 2;
    while (start < text.length) {
      let end = text.indexOf("\n", start);
      if (end === -1) end = text.length;
      const row = text.slice(start, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
      const cell = cellAt(row, delimiter, idIndex);
      if (cell && looksLikeFreeText(cell.text)) {
        found.push({
          severity: "warning",
          code: "personal-data/free-text",
          message:
            "The call id looks like free text (it has spaces or no digits), not an identifier.",
          file: file.rel,
          line,
          column: cell.column,
          hint: "Keep only a register number here (such as 2023-0001); notes about a call do not belong in calls.csv.",
        });
      }
      start = end + 1;
      line++;
    }
  }
  found.push(...scanText(file.rel, text));
  return capped(
    file.rel,
    found.sort((a, b) => a.line - b.line || a.column - b.column),
  );
}

/** Personal identity numbers, e-mail addresses and phone numbers in any input, chapters included. */
export async function checkPersonalData(data: YearData): Promise<Diagnostic[]> {
  const texts = await smallInputTexts(data);
  const found = texts.flatMap((t) => capped(t.file.rel, scanText(t.file.rel, t.text)));
  for (const file of data.inputs.filter((f) => isLargeInput(data, f))) {
    found.push(...(await scanCalls(file)));
  }
  return found;
}
