// Pandoc Markdown → HTML fragments with pandoc-wasm, one page at a time, cached by content so a
// rebuild converts only the pages whose Markdown changed (and never loads pandoc when none did).
import { codeFingerprint, contentKey } from "../../cache-key.js";
import type { CacheSpace } from "../../cache-space.js";
import { packageVersion } from "../../version.js";
import { PANDOC_MARKDOWN } from "../document.js";

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
  const result = await convert({ from: PANDOC_MARKDOWN, to: "html5", wrap: "none" }, markdown, {});
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

/** One page's Markdown as an HTML fragment (no <html>, no <body>). */
export function markdownToHtml(markdown: string, cache: CacheSpace): Promise<string> {
  remember(markdown);
  const key = contentKey([codeKey(), markdown]);
  return cache.result({
    slot: key,
    key,
    valid: (html): html is string => typeof html === "string",
    compute: () => convertInTurn(markdown),
  });
}
