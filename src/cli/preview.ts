// `nch-report preview <year>`: the HTML edition built into a private folder, served on
// 127.0.0.1, rebuilt on every save; and `build --watch`: the same rebuilds without a server.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { keepCacheInMemory } from "../cache.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { inLanguage, type Lang } from "../diagnostics/messages/index.js";
import { redactDiagnostic, redactText } from "../diagnostics/redact.js";
import { CLIENT_PATH, CLIENT_SCRIPT, clientTag } from "../preview/client.js";
import { type PlacedFinding, placeFindings } from "../preview/places.js";
import { type PreviewServer, startPreviewServer } from "../preview/serve.js";
import {
  type Rebuilder,
  rebuildOnChange,
  untilInterrupted,
  watchedPaths,
} from "../preview/watch.js";
import { type BuildFlags, runBuild } from "./build.js";
import type { StartedBuild } from "./build-start.js";
import { EXIT, parseNonNegativeInt, parseYear } from "./exit.js";
import { progressWords } from "./progress-words.js";

export interface PreviewFlags {
  data: string;
  port?: string;
  /** false with --no-open. */
  open: boolean;
  color: boolean;
  /** The language of the findings in the terminal and the page's banner. */
  lang?: Lang;
}

const WAITING = `<!DOCTYPE html>\n<html lang="sv">\n<head><meta charset="utf-8"><title>Förhandsvisning</title></head>\n<body>\n<main><h1>Förhandsvisning</h1><p>Rapporten har inte kunnat byggas ännu.</p></main>\n</body>\n</html>\n`;

/** The browser, where a person sits at a terminal; never in CI. */
function openBrowser(url: string): void {
  const command =
    process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  const child = spawn(command, [url], { stdio: "ignore", detached: true });
  child.on("error", () => undefined);
  child.unref();
}

/** The page script, and a page that says so while no build has succeeded yet. */
function ownAnswer(url: string, response: ServerResponse, site: string, version: number): boolean {
  if (url === CLIENT_PATH) {
    response
      .writeHead(200, { "content-type": "text/javascript; charset=utf-8" })
      .end(CLIENT_SCRIPT);
    return true;
  }
  if (url === "/" && !existsSync(path.join(site, "html", "index.html"))) {
    const page = WAITING.replace("</body>", `${clientTag(version)}</body>`);
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    return true;
  }
  return false;
}

/**
 * Loads pandoc and converts the pages twice, pausing while the watcher builds, until done or
 * `signal` aborts (a failure shows at the next build): a fresh pandoc converts a page two to three
 * times slower than one V8 has optimised, and the first build may have come from the cache.
 */
async function warmHtml(watcher: Rebuilder, signal: AbortSignal): Promise<void> {
  const m = await import("../output/html/convert.js");
  await m.warmHtmlConverter(2, { signal, busy: watcher.busy }).catch(() => undefined);
}

/** Warms pandoc in the background (build --watch); stops at the returned function (Ctrl-C). */
function warmHtmlInBackground(watcher: Rebuilder): () => void {
  const stop = new AbortController();
  void warmHtml(watcher, stop.signal).catch(() => undefined);
  return () => stop.abort();
}

/**
 * The first build, in turn with the watcher's. A usage error — returned, or thrown as a year
 * without a folder is — closes the watcher and cleans up, or the watch would keep the process.
 */
async function firstBuild(
  watcher: Rebuilder,
  build: () => Promise<number>,
  cleanUp: () => unknown,
): Promise<number> {
  try {
    const code = await watcher.first(build);
    if (code === EXIT.usage) {
      await watcher.close();
      await cleanUp();
    }
    return code;
  } catch (error) {
    await watcher.close();
    await cleanUp();
    throw error;
  }
}

/** One line for a rebuild that failed outside the build's own findings; the watch goes on. */
const rebuildFailed = (err: NodeJS.WritableStream, lang: Lang | undefined) => (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  err.write(`nch-report: ${progressWords(lang).rebuildFailed(redactText(message))}\n`);
};

/** The preview's build into `site`, and what the pages are told: the version and the findings. */
function previewBuilder(
  year: number,
  flags: PreviewFlags,
  site: string,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
) {
  let state = { version: 0, findings: [] as PlacedFinding[] };
  const build = async () => {
    const findings: Diagnostic[] = [];
    const buildFlags: BuildFlags = {
      data: flags.data,
      out: site,
      format: "html",
      color: flags.color,
      quiet: true,
      ...(flags.lang && { lang: flags.lang }),
      onFindings: (d) =>
        findings.push(...d.map((one) => redactDiagnostic(inLanguage(one, flags.lang ?? "en")))),
    };
    const start = performance.now();
    const code = await runBuild(String(year), buildFlags, out, err);
    state = {
      version: state.version + (code === EXIT.ok ? 1 : 0),
      findings: placeFindings(site, findings),
    };
    if (code === EXIT.ok)
      err.write(
        `✔ ${progressWords(flags.lang).builtPreview(((performance.now() - start) / 1000).toFixed(2))}\n`,
      );
    return code;
  };
  return { build, state: () => state };
}

export async function runPreview(
  yearText: string,
  flags: PreviewFlags,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const year = parseYear(yearText);
  keepCacheInMemory();
  const port = flags.port === undefined ? 0 : parseNonNegativeInt(flags.port, "--port");
  const folder = mkdtempSync(path.join(tmpdir(), "nch-preview-"));
  const removeFolder = () => rmSync(folder, { recursive: true, force: true });
  process.once("exit", removeFolder);
  // Ctrl-C from the start: during the first build or the warm-up it ends the preview too.
  const stop = new AbortController();
  const interrupted = untilInterrupted().then((code) => {
    stop.abort();
    return code;
  });
  const site = path.join(folder, "site");
  const { build, state } = previewBuilder(year, flags, site, out, err);
  let server: PreviewServer | undefined;
  const watcher = rebuildOnChange(
    watchedPaths(path.resolve(flags.data), year),
    async () => {
      await build();
      server?.broadcast("state", state());
    },
    rebuildFailed(err, flags.lang),
  );
  await watcher.ready;
  const first = await firstBuild(watcher, build, removeFolder);
  if (first === EXIT.usage) return first;
  // Pandoc is warm before the preview is announced: the analyst's first saves are as fast as later ones.
  await warmHtml(watcher, stop.signal);
  if (!stop.signal.aborted) {
    server = await startPreviewServer({
      root: () => path.join(site, "html"),
      port,
      inject: () => clientTag(state().version),
      state,
      extra: (request, response) => ownAnswer(request.url ?? "", response, site, state().version),
    });
    out.write(`${progressWords(flags.lang).previewAt(year, server.url)}\n`);
    if (flags.open && process.stdout.isTTY && !process.env.CI) openBrowser(server.url);
  }
  const code = await interrupted;
  await Promise.all([watcher.close(), server?.close()]);
  await watcher.idle();
  removeFolder();
  return code;
}

/** `build --watch`: a build, then one after every save, until Ctrl-C; the converters stay loaded. */
export async function runWatch(
  yearText: string,
  flags: BuildFlags,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  started: StartedBuild,
): Promise<number> {
  const year = parseYear(yearText);
  keepCacheInMemory();
  const kept: StartedBuild = started.converters
    ? { ...started, converters: { ...started.converters, close: async () => undefined } }
    : started;
  const build = () => runBuild(String(year), flags, out, err, kept);
  const watcher = rebuildOnChange(
    watchedPaths(path.resolve(flags.data), year),
    async () => {
      await build();
    },
    rebuildFailed(err, flags.lang),
  );
  await watcher.ready;
  const first = await firstBuild(watcher, build, async () => {
    await started.converters?.close();
  });
  if (first === EXIT.usage) return first;
  const stopWarming = started.formats.includes("html")
    ? warmHtmlInBackground(watcher)
    : () => undefined;
  const folder = `${path.relative(process.cwd(), path.resolve(flags.data)) || "."}/${year}`;
  err.write(`${progressWords(flags.lang).watching(folder)}\n`);
  const code = await untilInterrupted();
  stopWarming();
  await watcher.close();
  await watcher.idle();
  await started.converters?.close();
  return code;
}
