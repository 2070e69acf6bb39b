import { diff, type Hunk } from "./diff.js";
import type { Block, Table } from "./document.js";

/** A stretch of a word diff: unchanged text, or text as it was and as it is. */
export interface Segment {
  kind: "same" | "old" | "new";
  text: string;
}

/** An input line a change comes from. */
export interface SourceLine {
  file: string;
  line: number;
  change: "added" | "removed" | "changed";
}

export interface FigureChange {
  section: string;
  /** "Antal samtal per organisation 2025 · Socialtjänst · Antal samtal", or where in the text. */
  where: string;
  old: string;
  new: string;
  context: Segment[];
  sources: SourceLine[];
}

export interface ProseChange {
  section: string;
  segments: Segment[];
  sources: SourceLine[];
}

const SEPARATOR = "\u0000";
const TOKEN = /\d+(?:\u00a0\d{3})*(?:,\d+)?|[\p{L}\p{M}\p{N}]+|\s+|./gsu;
const CONTEXT_TOKENS = 12;

interface Stream {
  tokens: string[];
  block: number[];
}

function stream(blocks: readonly Block[]): Stream {
  const tokens: string[] = [];
  const block: number[] = [];
  for (const [i, b] of blocks.entries()) {
    if (b.kind === "table") continue;
    for (const t of b.text.match(TOKEN) ?? []) {
      tokens.push(t);
      block.push(i);
    }
    tokens.push(SEPARATOR);
    block.push(i);
  }
  return { tokens, block };
}

const text = (tokens: readonly string[], from: number, to: number) =>
  tokens.slice(from, to).join("").replaceAll(SEPARATOR, "\n");

/** Tokens before `at` (or from `at` on) within one block. */
function around(s: Stream, at: number, direction: -1 | 1): string {
  const out: string[] = [];
  for (let i = direction < 0 ? at - 1 : at; i >= 0 && i < s.tokens.length; i += direction) {
    if (s.tokens[i] === SEPARATOR || out.length >= CONTEXT_TOKENS) break;
    out.push(s.tokens[i] as string);
  }
  return (direction < 0 ? out.reverse() : out).join("");
}

function segments(...parts: [Segment["kind"], string][]): Segment[] {
  return parts.filter(([, t]) => t !== "").map(([kind, t]) => ({ kind, text: t }));
}

interface TextChanges {
  figures: FigureChange[];
  prose: ProseChange[];
}

/** Word diff of everything but the tables: hunks with a number are figures, the others prose. */
export function compareText(oldBlocks: readonly Block[], newBlocks: readonly Block[]): TextChanges {
  const a = stream(oldBlocks);
  const b = stream(newBlocks);
  const figures: FigureChange[] = [];
  const byBlock = new Map<string, { section: string; hunks: Hunk[]; start: number; end: number }>();
  for (const h of mergeAcrossSpaces(diff(a.tokens, b.tokens), a.tokens)) {
    const oldText = text(a.tokens, h.aStart, h.aEnd);
    const newText = text(b.tokens, h.bStart, h.bEnd);
    if (oldText.trim() === "" && newText.trim() === "") continue;
    const inNew = h.bEnd > h.bStart || h.bStart < b.tokens.length;
    const blockIndex = inNew
      ? (b.block[h.bStart] ?? b.block.at(-1) ?? 0)
      : (a.block[h.aStart] ?? 0);
    const block = (inNew ? newBlocks : oldBlocks)[blockIndex] as Block;
    if (/\d/.test(oldText + newText)) {
      figures.push({
        section: block.section,
        where: block.kind === "chart" ? "chart alt text" : "text",
        old: oldText.trim(),
        new: newText.trim(),
        context: segments(
          ["same", around(b, h.bStart, -1)],
          ["old", oldText],
          ["new", newText],
          ["same", around(b, h.bEnd, 1)],
        ),
        sources: [],
      });
      continue;
    }
    const key = `${inNew ? "new" : "old"}:${blockIndex}`;
    const entry = byBlock.get(key) ?? { section: block.section, hunks: [], start: 0, end: 0 };
    entry.hunks.push(h);
    byBlock.set(key, entry);
  }
  const prose = [...byBlock.values()].map((entry) => ({
    section: entry.section,
    segments: blockSegments(a, b, entry.hunks),
    sources: [],
  }));
  return { figures, prose };
}

/** Hunks with only spaces between them read as one change ("[-en genomförandefas-]{+genomförandefasen+}"). */
function mergeAcrossSpaces(hunks: readonly Hunk[], a: readonly string[]): Hunk[] {
  const merged: Hunk[] = [];
  for (const h of hunks) {
    const last = merged.at(-1);
    if (last && a.slice(last.aEnd, h.aStart).every((t) => /^\s+$/.test(t))) {
      last.aEnd = h.aEnd;
      last.bEnd = h.bEnd;
    } else merged.push({ ...h });
  }
  return merged;
}

/** The new side's block with its hunks inline, from the block's start to its end. */
function blockSegments(a: Stream, b: Stream, hunks: readonly Hunk[]): Segment[] {
  const first = hunks[0] as Hunk;
  const last = hunks.at(-1) as Hunk;
  const out: Segment[] = [{ kind: "same", text: around(b, first.bStart, -1) }];
  let pos = first.bStart;
  for (const h of hunks) {
    out.push(
      { kind: "same", text: text(b.tokens, pos, h.bStart) },
      { kind: "old", text: text(a.tokens, h.aStart, h.aEnd) },
      { kind: "new", text: text(b.tokens, h.bStart, h.bEnd) },
    );
    pos = h.bEnd;
  }
  out.push({ kind: "same", text: around(b, last.bEnd, 1) });
  return out.filter((s) => s.text !== "");
}

const MISSING = new Set(["", "–", "uppgift saknas"]);
const isFigure = (cell: string) => /^[−-]?[\d\u00a0 ]+(,\d+)?(\u00a0?(%|kr|tkr))?$/.test(cell);

/** A row is known by its cells that are neither figures nor gaps ("Länsstyrelsen Dalarna"), else by its first cell. */
function rowKey(row: readonly string[]): { key: string; label: string } {
  const names = row.filter((c) => !isFigure(c) && !MISSING.has(c));
  if (names.length === 0) return { key: row[0] ?? "", label: row[0] ?? "" };
  const label = [...names].sort((a, b) => b.length - a.length)[0] as string;
  return {
    key: names.join("\u0000"),
    label: /\p{L}/u.test(row[0] ?? "") ? (row[0] as string) : label,
  };
}

interface Row {
  label: string;
  cells: readonly string[];
}

/** Rows of one table by key ("#2" for the second row with the same key). */
function rowsOf(table: Table | undefined): Map<string, Row> {
  const rows = new Map<string, Row>();
  const seen = new Map<string, number>();
  for (const cells of table?.rows ?? []) {
    const plain = cells.map((c) => c.replace(/\*\*|__/g, "").replace(/\\(.)/g, "$1"));
    const { key, label } = rowKey(plain);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    rows.set(n > 1 ? `${key}#${n}` : key, { label, cells: plain });
  }
  return rows;
}

function compareTable(section: string, caption: string, old?: Table, now?: Table): FigureChange[] {
  const before = rowsOf(old);
  const after = rowsOf(now);
  const header = now?.header ?? old?.header ?? [];
  const found: FigureChange[] = [];
  const change = (where: string, label: string, o: string, n: string) =>
    found.push({
      section,
      where: `Tabell: ${caption} · ${where}`,
      old: o,
      new: n,
      context: segments(["same", `${label}: `], ["old", o], ["new", n]),
      sources: [],
    });
  for (const key of new Set([...after.keys(), ...before.keys()])) {
    const o = before.get(key);
    const n = after.get(key);
    if (!o || !n) {
      const row = (o ?? n) as Row;
      change(row.label, row.label, o ? o.cells.join(" · ") : "", n ? n.cells.join(" · ") : "");
      continue;
    }
    for (const [i, column] of header.entries()) {
      if ((o.cells[i] ?? "") === (n.cells[i] ?? "")) continue;
      change(`${n.label} · ${column}`, n.label, o.cells[i] ?? "", n.cells[i] ?? "");
    }
  }
  return found;
}

/** Tables are matched by caption (in order when a caption repeats), then cell by cell. */
export function compareTables(
  oldBlocks: readonly Block[],
  newBlocks: readonly Block[],
): FigureChange[] {
  const tables = (blocks: readonly Block[]) => blocks.filter((b) => b.kind === "table");
  const olds = tables(oldBlocks);
  const found: FigureChange[] = [];
  for (const block of tables(newBlocks)) {
    const i = olds.findIndex((o) => o.table?.caption === block.table?.caption);
    const old = i >= 0 ? olds.splice(i, 1)[0] : undefined;
    found.push(...compareTable(block.section, block.table?.caption ?? "", old?.table, block.table));
  }
  for (const old of olds)
    found.push(...compareTable(old.section, old.table?.caption ?? "", old.table, undefined));
  return found;
}
