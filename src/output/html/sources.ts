// Where each section of the HTML edition comes from: the input lines its headings, paragraphs,
// list items and captions print (table cells are figures, not lines: they would match by chance), found as the DOCX anchors find them (the same matcher, in document
// order). Listed in manifest.json, so that `preview` links a finding to its place in the report.
import { codeFingerprint, contentKey } from "../../cache-key.js";
import type { CacheSpace } from "../../cache-space.js";
import type { YearData } from "../../load/dataset.js";
import { TextMatcher } from "../docx-anchors.js";
import { type TextSource, textSources } from "../docx-sources.js";
import { plain } from "./page.js";

/** An input line: "2025/chapters/07-stod.md", 12. */
export interface LineSource {
  file: string;
  line: number;
}

/** A page's sections by heading id ("" before the first heading) and the input lines they print. */
export type PageSources = Record<string, LineSource[]>;

const BLOCK =
  /<h([1-6]) id="([^"]+)"[^>]*>([\s\S]*?)<\/h\1>|<(p|li|figcaption)\b[^>]*>([\s\S]*?)<\/\4>/g;

/** The sources of each page, in the order given (the report's order). */
export function pageSources(
  pages: readonly { file: string; html: string }[],
  data: YearData,
  // Texts only: the tables and figures of the DOCX index are not looked for here.
  texts: readonly TextSource[] = textSources(data),
): Map<string, PageSources> {
  const matcher = new TextMatcher(texts);
  const all = new Map<string, PageSources>();
  for (const page of pages) {
    const sections: PageSources = {};
    let section = "";
    for (const m of page.html.matchAll(BLOCK)) {
      if (m[2]) section = m[2];
      const text = plain(m[3] ?? m[5] ?? "");
      if (!text.trim()) continue;
      const found = matcher.find(text);
      if (!found) continue;
      const list = sections[section] ?? [];
      sections[section] = list;
      if (!list.some((s) => s.file === found.file && s.line === found.line))
        list.push({ file: found.file, line: found.line });
    }
    all.set(page.file, sections);
  }
  return all;
}

let fingerprint: string | undefined;

/**
 * `pageSources` through the cache: matching every paragraph against every input text is the HTML
 * build's largest cost of its own (~18 ms for data/2025, at every build and every preview save),
 * and its result changes only with the pages' HTML or the inputs' texts and lines, its key.
 */
export async function cachedPageSources(
  pages: readonly { file: string; html: string }[],
  data: YearData,
  cache: CacheSpace,
): Promise<Map<string, PageSources>> {
  fingerprint ??= codeFingerprint(import.meta.url, [
    "sources.ts",
    "../docx-anchors.ts",
    "../docx-sources.ts",
  ]);
  const texts = textSources(data);
  const entries = await cache.result({
    slot: "page-sources",
    key: contentKey([fingerprint, pages, texts]),
    valid: (value): value is [string, PageSources][] =>
      Array.isArray(value) &&
      value.every((e) => Array.isArray(e) && typeof e[0] === "string" && typeof e[1] === "object"),
    compute: () => [...pageSources(pages, data, texts)],
  });
  return new Map(entries);
}

/**
 * The place of the report that a finding at `file`:`line` concerns: the section that prints the
 * nearest line at or above it in that file (else the first below), as "page.html#id". A line
 * printed on two pages goes to the page that prints most of that file (a chance match elsewhere).
 */
export function placeOf(
  sources: Readonly<Record<string, PageSources>>,
  file: string,
  line: number,
): string | undefined {
  let best: { href: string; line: number; weight: number } | undefined;
  for (const [page, sections] of Object.entries(sources)) {
    const lines = Object.entries(sections).flatMap(([id, list]) =>
      list.filter((s) => s.file === file).map((s) => ({ id, line: s.line })),
    );
    for (const s of lines) {
      const here = { href: s.id ? `${page}#${s.id}` : page, line: s.line, weight: lines.length };
      if (!best || closer(here, best, line)) best = here;
    }
  }
  return best?.href;
}

/** At or above the line beats below it; then the nearer line; then the page with more of the file. */
function closer(
  a: { line: number; weight: number },
  b: { line: number; weight: number },
  line: number,
): boolean {
  const above = (x: { line: number }) => x.line <= line;
  if (above(a) !== above(b)) return above(a);
  const distance = (x: { line: number }) => Math.abs(line - x.line);
  if (distance(a) !== distance(b)) return distance(a) < distance(b);
  return a.weight > b.weight;
}
