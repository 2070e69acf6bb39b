import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import type { YearData } from "../load/dataset.js";
import { resolveInside } from "../load/files.js";
import { positionsOf } from "../load/positions.js";

/** A construct in a chapter's Markdown that is not text: raw output, or an image path. */
export interface Markup {
  kind: "raw-block" | "raw-inline" | "html" | "tex" | "image";
  offset: number;
  /** The raw format (`typst`), tag (`div`), command (`\textbf`) or image path. */
  name: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const RAW_ATTRIBUTE = /^\s*\{\s*=\s*([A-Za-z0-9_+-]+)\s*\}/;
const blank = (s: string) => s.replace(/[^\n]/g, " ");

/** Fenced code blocks: raw ones are findings; the content of all is hidden from the other scans. */
function maskFences(text: string, found: Markup[]): string {
  const lines = text.split("\n");
  let offset = 0;
  let open: string | undefined;
  const out = lines.map((line) => {
    const start = offset;
    offset += line.length + 1;
    const fence = FENCE.exec(line.replace(/\r$/, ""));
    if (open !== undefined) {
      if (fence?.[1]?.startsWith(open) && fence[2]?.trim() === "") open = undefined;
      return blank(line);
    }
    if (!fence) return line;
    const raw = RAW_ATTRIBUTE.exec(fence[2] ?? "");
    if (raw)
      found.push({
        kind: "raw-block",
        offset: start + line.indexOf(fence[1] as string),
        name: raw[1] as string,
      });
    open = fence[1];
    return blank(line);
  });
  return out.join("\n");
}

/** Code spans (`x`, and `x`{=typst} as a raw inline) and HTML comments, hidden after noting. */
function maskInline(text: string, found: Markup[]): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(
      /(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)(\{\s*=\s*([A-Za-z0-9_+-]+)\s*\})?/g,
      (m, ...g) => {
        const [, , , format, offset] = g as [string, string, string, string | undefined, number];
        if (format) found.push({ kind: "raw-inline", offset, name: format });
        return blank(m);
      },
    );
}

const HTML_TAG = /(?<!\\)<(\/?[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\/?>|(?<!\\)<![A-Za-z]/g;
const TEX = /\\(\\|[A-Za-z]+)/g;
const IMAGE = /!\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>\n]*>|[^)\s]+)/g;

/** Every raw construct and image in a chapter's Markdown, in the order they appear. */
export function findMarkup(text: string): Markup[] {
  const found: Markup[] = [];
  const masked = maskInline(maskFences(text, found), found);
  for (const m of masked.matchAll(HTML_TAG))
    found.push({ kind: "html", offset: m.index, name: `<${m[1] ?? "!"}>` });
  for (const m of masked.matchAll(TEX))
    if (m[1] !== "\\") found.push({ kind: "tex", offset: m.index, name: m[0] });
  for (const m of masked.matchAll(IMAGE)) {
    const dest = (m[1] as string).replace(/^<|>$/g, "");
    found.push({ kind: "image", offset: m.index + m[0].lastIndexOf(m[1] as string), name: dest });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Cut an echoed value to a short, single line. */
const short = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s).replace(/\s/g, " ");

/** An image path must name a file inside the data root: no URL, no absolute path, no way out. */
function imageOutside(root: string, base: string, dest: string): boolean {
  let decoded = dest;
  try {
    decoded = decodeURIComponent(dest);
  } catch {
    // Not percent-encoded: checked as written.
  }
  const at = { file: "", line: 0, column: 0 };
  return [dest, decoded].some(
    (p) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(p) || "diagnostic" in resolveInside(root, base, p, at),
  );
}

/**
 * The findings of one Markdown text (a chapter, or a project's Markdown template): raw output
 * refused as `chapter/raw-output` (with `raw`), images outside the data root as
 * `path/outside-data`. Image paths are resolved against `base` (relative to the data root).
 */
export function markupDiagnostics(
  file: { rel: string; text: string },
  root: string,
  base: string,
  raw = true,
): Diagnostic[] {
  const locate = positionsOf(file.text);
  const diagnostics: Diagnostic[] = [];
  for (const m of findMarkup(file.text)) {
    const where = { file: file.rel, ...locate(m.offset) };
    if (m.kind !== "image") {
      if (raw) {
        diagnostics.push(
          finding("chapter/raw-output", where, { markup: m.kind, name: short(m.name) }),
        );
      }
    } else if (imageOutside(root, base, m.name)) {
      diagnostics.push(
        finding("path/outside-data", where, { problem: "image", name: short(m.name) }),
      );
    }
  }
  return diagnostics;
}

/** Chapters give text only: no raw output for a converter, no image from outside the data. */
export function checkChapterMarkup(data: YearData): Diagnostic[] {
  return data.chapters.flatMap((c) =>
    markupDiagnostics({ rel: c.file.rel, text: c.text }, data.root, String(data.year)),
  );
}
