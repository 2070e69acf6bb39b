import type { Diagnostic, Position } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import type { CheckTexts } from "../load/check-inputs.js";
import type { YearData } from "../load/dataset.js";
import type { InputText } from "../load/input-text.js";
import { positionsOf } from "../load/positions.js";
import { perFileResult } from "../per-file-results.js";

interface Placeholder {
  index: number;
  text: string;
}

/** Placeholders an author leaves while writing; each one a token, not part of a word. */
const PATTERNS: readonly RegExp[] = [
  // "TODO: what to do" keeps its instruction (what `init` writes), up to a full stop or the line's end.
  /\b(?:TODO|FIXME)\b(?::[^\n]*?(?=\.?[ \t]*$|\.\s))?/gm,
  // XX or XXX as a token ("20XX", "XX kr"), but not a Roman numeral within a word (XXI),
  // "XX-talet" or "XX:e".
  /(?<!\p{L})(?:XXX?|xxx?)(?!\p{L}|-\p{L}|:e\b)/gu,
  /\[\s*infoga\b[^\]\n]*\]/giu,
  /\[\s*(?:…|\.\.\.)\s*\]/g,
  /\?\?+/g,
  /\blorem ipsum\b/gi,
];
/** In YAML text any Handlebars is unresolved: values are printed literally. */
const YAML_HANDLEBARS = /\{\{[^\n]*?\}\}/g;
/** In chapters Handlebars is legitimate; only an empty expression is a leftover. */
const EMPTY_HANDLEBARS = /\{\{\{?\s*\}?\}\}/g;

export function findPlaceholders(text: string, handlebars: "any" | "empty"): Placeholder[] {
  const found: Placeholder[] = [];
  const patterns = [...PATTERNS, handlebars === "any" ? YAML_HANDLEBARS : EMPTY_HANDLEBARS];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) found.push({ index: m.index, text: m[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A comment that starts with TODO is a to-do on its line (`date: "2027-03-01" # TODO: bekräfta`). */
const YAML_TODO_COMMENT = /(?<=^|[ \t])#[ \t]*(TODO\b[^\n]*)/gm;

/** The instruction of "TODO: granska 2025 --}}" without the quote or comment end around it. */
function instructionOf(text: string): string | undefined {
  const m = /^(?:TODO|FIXME):\s*(.*?)\s*(?:--\}\}|\}\}|-->|["'])?\s*$/.exec(text);
  const instruction = m?.[1]?.trim();
  if (!instruction) return undefined;
  return instruction.length > 60 ? `${instruction.slice(0, 59)}…` : instruction;
}

function toDiagnostic(input: InputText, placeholder: Placeholder, at: Position): Diagnostic {
  const place = { file: input.file.rel, ...at };
  const { text } = placeholder;
  const instruction = instructionOf(text);
  if (instruction) return finding("placeholder/text", place, { problem: "todo", instruction });
  if (!text.startsWith("{{"))
    return finding("placeholder/text", place, { problem: "placeholder", text });
  const problem = input.kind === "markdown" ? "empty-handlebars" : "yaml-handlebars";
  return finding("placeholder/text", place, { problem, text });
}

/**
 * Placeholders in the string values of a YAML file (keys and comments do not reach the report),
 * positioned exactly in the raw text.
 */
async function scanYaml(input: InputText): Promise<Diagnostic[]> {
  // Parsing costs; placeholders are rare: parse only a file whose raw text has a candidate.
  const comments = [...input.text.matchAll(YAML_TODO_COMMENT)];
  if (comments.length === 0 && findPlaceholders(input.text, "any").length === 0) return [];
  const { LineCounter, parseDocument, Scalar, visit } = await import("../load/yaml-parser.js");
  const lineCounter = new LineCounter();
  const doc = parseDocument(input.text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const found: Diagnostic[] = [];
  const scalars: [number, number][] = [];
  visit(doc, {
    Scalar(key, node) {
      if (node.range) scalars.push([node.range[0], node.range[1]]);
      if (key === "key" || typeof node.value !== "string" || !node.range) return;
      let [start, end] = node.range;
      const block = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
      // A block scalar's header line (">-  # comment") is not part of its text.
      if (block) start = input.text.indexOf("\n", start) + 1 || end;
      for (const p of findPlaceholders(input.text.slice(start, end), "any")) {
        const { line, col } = lineCounter.linePos(start + p.index);
        found.push(toDiagnostic(input, p, { line, column: col }));
      }
    },
  });
  // A "#" inside a scalar is text, not a comment.
  for (const m of comments) {
    if (scalars.some(([start, end]) => m.index >= start && m.index < end)) continue;
    const todo = m.index + m[0].indexOf(m[1] as string);
    const { line, col } = lineCounter.linePos(todo);
    found.push(toDiagnostic(input, { index: todo, text: m[1] as string }, { line, column: col }));
  }
  return sortByPosition(found);
}

function sortByPosition(found: Diagnostic[]): Diagnostic[] {
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

function scanPlain(input: InputText, handlebars: "any" | "empty"): Diagnostic[] {
  const placeholders = findPlaceholders(input.text, handlebars);
  if (placeholders.length === 0) return [];
  const positionOf = positionsOf(input.text);
  return placeholders.map((p) => toDiagnostic(input, p, positionOf(p.index)));
}

/** Placeholders in YAML text values, chapters and the small CSV files (notes, operations). */
export async function checkPlaceholders(_: YearData, inputs: CheckTexts): Promise<Diagnostic[]> {
  const texts = await inputs.smallTexts();
  const found = await Promise.all(
    texts.map((input) =>
      perFileResult(`placeholders\0${input.kind}\0${input.file.rel}`, input.text, () =>
        input.kind === "yaml"
          ? scanYaml(input)
          : scanPlain(input, input.kind === "markdown" ? "empty" : "any"),
      ),
    ),
  );
  return found.flat();
}
