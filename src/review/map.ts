import type { SourceRef } from "../output/docx-sources.js";
import type { ReviewItem } from "./read.js";

/** A comment, reply or tracked change at its source, as the review reporters print it. */
export interface ReviewFinding extends Omit<ReviewItem, "before" | "after" | "context" | "anchor"> {
  /** The place in the inputs; null: "no source" (nothing before it in the document has one). */
  source: SourceRef | null;
  /** The source file has changed since the DOCX was built: its line may have moved. */
  changed: boolean;
  /** A tracked change in a chapter line: the line now and with the suggestion applied. */
  diff?: { old: string; new: string };
}

/** The working tree's text of an input (relative to the data root), or undefined. */
export type ReadSource = (file: string) => string | undefined;

const indent = (line: string) => /^\s*/.exec(line)?.[0].length ?? 0;

/** The lines a source's value or paragraph spans: a chapter paragraph, a YAML block scalar. */
function blockOf(lines: readonly string[], start: number, yaml: boolean): number[] {
  const block = [start];
  const first = lines[start] ?? "";
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!line.trim() || (yaml && indent(line) <= indent(first))) break;
    block.push(i);
  }
  return block;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Line and column (1-based) of an offset into the block's text. */
function position(text: string, offset: number, firstLine: number) {
  const before = text.slice(0, offset).split("\n");
  return { line: firstLine + before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Where `quote` is in the block (a run of spaces may be a line break), nearest to line `near`:
 * its start, or with `end` the place just after it (where an insertion goes).
 */
function locate(
  lines: readonly string[],
  block: readonly number[],
  quote: string,
  near: number,
  end: boolean,
) {
  const words = quote
    .trim()
    .split(/[\s\u00a0]+/)
    .filter(Boolean);
  if (words.join(" ").length < 3) return undefined;
  const text = block.map((i) => lines[i]).join("\n");
  let best: { line: number; column: number } | undefined;
  for (const m of text.matchAll(new RegExp(words.map(escapeRegExp).join("[\\s\\u00a0]+"), "g"))) {
    const at = position(text, m.index + (end ? m[0].length : 0), block[0] as number);
    if (!best || Math.abs(at.line - near) < Math.abs(best.line - near)) best = at;
  }
  return best;
}

/** Lines around `line` (0-based): where a line of a file edited since the build may have gone. */
const around = (count: number, line: number, reach = 40) =>
  Array.from({ length: count }, (_, i) => i).filter((i) => Math.abs(i - line) <= reach);

/** The source made exact with the working tree: the line and column of the text concerned. */
function refine(
  source: SourceRef,
  item: ReviewItem,
  read: ReadSource,
  changed: boolean,
): SourceRef {
  // A computed figure has no text of its own in the file it is computed from.
  const text = source.computation ? undefined : read(source.file);
  if (text === undefined || source.line < 1) return source;
  const lines = text.split(/\r\n|\r|\n/);
  const yaml = /\.ya?ml$/.test(source.file);
  const block = changed
    ? around(lines.length, source.line - 1)
    : source.file.endsWith(".md") || yaml
      ? blockOf(lines, source.line - 1, yaml)
      : [source.line - 1];
  const inserted = item.kind === "insertion" || item.kind === "move";
  const quotes: [string, boolean][] = [
    [item.kind === "comment" || item.kind === "reply" ? item.commented : "", false],
    [item.kind === "deletion" ? item.text : "", false],
    [inserted ? item.context.split(/\s+/).slice(-4).join(" ") : "", true],
    [item.before.split(/\s+/).slice(0, 4).join(" "), false],
  ];
  for (const [quote, end] of quotes) {
    const found = quote && locate(lines, block, quote, source.line, end);
    if (found) return { ...source, ...found };
  }
  return source;
}

/** The chapter line with one tracked change applied, where its place can be found in the line. */
function lineDiff(item: ReviewItem, source: SourceRef, read: ReadSource) {
  if (!/\/chapters\/[^/]+\.md$/.test(source.file)) return undefined;
  const line = read(source.file)?.split(/\r\n|\r|\n/)[source.line - 1];
  if (line === undefined) return undefined;
  if (item.kind === "deletion") {
    const at = line.indexOf(item.text);
    if (at < 0 || !item.text) return undefined;
    return { old: line, new: line.slice(0, at) + line.slice(at + item.text.length) };
  }
  // An insertion goes after the last words before it that the line holds.
  const words = item.context.split(/\s+/).filter(Boolean);
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    const tail = words.slice(-n).join(" ");
    const at = line.lastIndexOf(tail);
    if (at >= 0) {
      const end =
        at + tail.length + (item.context.endsWith(" ") && line[at + tail.length] === " " ? 1 : 0);
      return { old: line, new: line.slice(0, end) + item.text + line.slice(end) };
    }
  }
  if (item.context.trim() === "") {
    const start = /^(?:\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*))*/.exec(line)?.[0].length ?? 0;
    return { old: line, new: line.slice(0, start) + item.text + line.slice(start) };
  }
  return undefined;
}

/** Each item at its source: the anchor's mapping, made exact with the working tree's files. */
export function mapReview(
  items: readonly ReviewItem[],
  sources: Readonly<Record<string, SourceRef>> | undefined,
  read: ReadSource,
  changedFiles: ReadonlySet<string>,
): ReviewFinding[] {
  return items.map((item) => {
    const { before: _b, after: _a, context: _c, anchor, ...rest } = item;
    const anchored = anchor !== undefined ? sources?.[anchor] : undefined;
    const changed = anchored !== undefined && changedFiles.has(anchored.file);
    const source = anchored ? refine(anchored, item, read, changed) : null;
    const diff =
      source && (item.kind === "insertion" || item.kind === "deletion")
        ? lineDiff(item, source, read)
        : undefined;
    return {
      ...rest,
      source,
      changed,
      ...(diff && { diff }),
    };
  });
}
