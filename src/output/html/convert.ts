// Pandoc Markdown → HTML fragments with pandoc-wasm, a page in pieces (cut at its headings) where
// that gives the same HTML, each cached by content so a rebuild converts only the pieces whose
// Markdown changed (and never loads pandoc when none did).
import { codeFingerprint, contentKey } from "../../cache-key.js";
import type { CacheSpace } from "../../cache-space.js";
import { span } from "../../timing.js";
import { packageVersion } from "../../version.js";
import { PANDOC_MARKDOWN } from "../document.js";
import { idsOf } from "./fragment.js";

let fingerprint: string | undefined;

function codeKey(): string {
  fingerprint ??= codeFingerprint(
    import.meta.url,
    ["."],
    `pandoc-wasm@${packageVersion("pandoc-wasm")}`,
  );
  return fingerprint;
}

type Convert = typeof import("pandoc-wasm").convert;
let pandoc: Promise<Convert> | undefined;

/** Loads pandoc once per process (seconds): at the first page that is not in the cache. */
function loadPandoc(): Promise<Convert> {
  pandoc ??= import("pandoc-wasm").then((m) => m.convert);
  return pandoc;
}

// pandoc-wasm runs one conversion at a time.
let queue: Promise<unknown> = Promise.resolve();

/** Converts `markdown` after the conversions already asked for. */
function convertInTurn(markdown: string): Promise<string> {
  const run = queue.then(() => convertNow(markdown));
  queue = run.catch(() => undefined);
  return run;
}

async function convertNow(markdown: string): Promise<string> {
  const convert = await loadPandoc();
  const result = await span("pandoc", () =>
    convert({ from: PANDOC_MARKDOWN, to: "html5", wrap: "none" }, markdown, {}),
  );
  if (result.stderr.trim() !== "" && result.stdout === "")
    throw new Error(`pandoc could not convert a page to HTML: ${result.stderr}`);
  return result.stdout;
}

/** The pages asked for most recently (converted or from the cache): what a warm-up converts. */
const recent = new Set<string>();
const RECENT_PAGES = 64;

function remember(markdown: string): void {
  recent.delete(markdown);
  recent.add(markdown);
  for (const oldest of recent) {
    if (recent.size <= RECENT_PAGES) break;
    recent.delete(oldest);
  }
}

/** What the warm-up is told by the process it runs in. */
export interface WarmUpControl {
  /** Aborted at Ctrl-C: the warm-up stops. */
  signal?: AbortSignal;
  /** A build is under way or about to be: the warm-up waits for it to end. */
  busy?: () => boolean;
}

/**
 * For a process that converts again at every save (preview, build --watch): loads pandoc and
 * converts the recent pages `rounds` times, uncached and one at a time, so that a save finds
 * pandoc's WebAssembly already optimised by V8 (measured: the changed page of data/2025 then
 * converts in ~65 ms from the first save, rather than ~140–190 ms for the first four). Before
 * each page it lets the event loop run (a conversion is synchronous work) and waits while a
 * build is busy: a save is seen at once, and its build waits for at most the one page under way.
 * Resolves with the number converted.
 */
export async function warmHtmlConverter(
  rounds = 2,
  { signal, busy = () => false }: WarmUpControl = {},
): Promise<number> {
  const pages = [...recent];
  let converted = 0;
  for (let round = 0; round < rounds; round++)
    for (const markdown of pages) {
      do await new Promise((resolve) => setTimeout(resolve, busy() ? 25 : 0));
      while (busy() && !signal?.aborted);
      if (signal?.aborted) return converted;
      if (
        await convertInTurn(markdown).then(
          () => true,
          () => false,
        )
      )
        converted++;
    }
  return converted;
}

/**
 * One page's Markdown as an HTML fragment (no <html>, no <body>). Converted in pieces (see
 * `pieces`) where that gives what converting the page whole gives, so that a save converts again
 * only the piece it changed: pandoc costs ~8 ms a call plus its work, and the support line's page
 * of data/2025 takes ~67 ms whole against ~18 ms for the piece an analyst's chapter ends in.
 */
export async function markdownToHtml(markdown: string, cache: CacheSpace): Promise<string> {
  const parts = piecesToConvert(markdown);
  if (parts.length > 1) {
    const html = (await Promise.all(parts.map((p) => convertCached(p, cache)))).join("");
    // pandoc numbers a repeated heading's id across the page ("fortsatt-arbete-1"): pieces cannot.
    if (!repeatsAnId(html)) return html;
  }
  return convertCached(markdown, cache);
}

function convertCached(markdown: string, cache: CacheSpace): Promise<string> {
  remember(markdown);
  const key = contentKey([codeKey(), markdown]);
  return cache.result({
    slot: key,
    key,
    valid: (html): html is string => typeof html === "string",
    compute: () => convertInTurn(markdown),
  });
}

/**
 * What pandoc resolves across the whole page, so that pieces would not give the page's HTML:
 * footnotes (`[^1]`, `^[…]`), reference links and headings named as links (`[text]` or `[text][]`
 * not followed by `(` or `{`), example lists (`(@)`); and raw HTML blocks (a line starting with
 * `<`), which may hold a heading. A page with any of them is converted whole.
 */
const REACHES_ACROSS = /\^\[|\](?![({])|\(@|^</m;

/**
 * The pieces a page is converted in: itself alone when something in it reaches across, or when
 * two of its headings would get the same id (converted in pieces, the page would be converted
 * again whole: `markdownToHtml` checks the ids it gets in any case).
 */
export function piecesToConvert(markdown: string): string[] {
  return REACHES_ACROSS.test(markdown) || repeatsAHeading(markdown) ? [markdown] : pieces(markdown);
}

/**
 * Whether two headings' texts come to the same id as pandoc makes them (lower case, no
 * punctuation, nothing before the first letter: "2.2 Fortsatt arbete" and "3.1.2 Fortsatt
 * arbete" are both "fortsatt-arbete"). A forecast only, which may err to the safe side.
 */
function repeatsAHeading(markdown: string): boolean {
  const seen = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}[ \t]+(.*)$/gm)) {
    const id = (m[1] as string)
      .replace(/\{[^}]*\}\s*$/, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}_.\-\s]/gu, "")
      .trim()
      .replace(/\s+/g, "-")
      .replace(/^[^\p{L}]+/u, "");
    if (seen.has(id)) return true;
    seen.add(id);
  }
  return false;
}

const HEADING_PIECE = /^#{1,3}[ \t]/;
const CODE_FENCE = /^(`{3,}|~{3,})/;
const DIV_FENCE = /^:{3,}/;

/**
 * A page's Markdown cut before each heading of levels 1–3 that starts a block: after a blank line
 * (pandoc's blank_before_header), outside code blocks and fenced divs. Joined, the pieces are the
 * page's Markdown again.
 */
export function pieces(markdown: string): string[] {
  const lines = markdown.split("\n");
  const cuts: number[] = [];
  let code: string | undefined;
  let divs = 0;
  lines.forEach((line, i) => {
    const fence = CODE_FENCE.exec(line)?.[1];
    if (code !== undefined) {
      if (
        fence &&
        fence[0] === code[0] &&
        fence.length >= code.length &&
        !line.slice(fence.length).trim()
      )
        code = undefined;
      return;
    }
    if (fence) code = fence;
    else if (DIV_FENCE.test(line))
      divs = line.replace(/^:+/, "").trim() ? divs + 1 : Math.max(0, divs - 1);
    else if (i > 0 && divs === 0 && lines[i - 1] === "" && HEADING_PIECE.test(line)) cuts.push(i);
  });
  const starts = [0, ...cuts];
  return starts.map((start, k) => {
    const end = starts[k + 1];
    const text = lines.slice(start, end).join("\n");
    return end === undefined ? text : `${text}\n`;
  });
}

function repeatsAnId(html: string): boolean {
  const ids = idsOf(html);
  return new Set(ids).size !== ids.length;
}
