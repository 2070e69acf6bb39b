import path from "node:path";
import { Chalk } from "chalk";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Lang } from "../diagnostics/messages/index.js";
import { maskPersonalData } from "../diagnostics/redact.js";
import { stylish } from "../diagnostics/reporters/stylish.js";
import { MissingYearError } from "../load/dataset.js";
import { type OutputFormat, targetNames } from "../output/recipes.js";
import { type BuildEvent, type BuildRequest, buildReport } from "../pipeline/build.js";
import { projectRootOrCwd } from "../project-root.js";
import { parsePdfStandard, type StartedBuild, startBuild } from "./build-start.js";
import { EXIT, parseYear, UsageError } from "./exit.js";
import { type ProgressWords, progressWords } from "./progress-words.js";
import { pathPrefix } from "./validate.js";
import { missingYearMessage } from "./where.js";

export interface BuildFlags {
  data: string;
  out?: string;
  /** "md", "md,docx,pdf"; the default formats when absent. */
  format?: string;
  color: boolean;
  /** The language of findings (progress lines stay English). */
  lang?: Lang;
  /** Stamp "UTKAST", the commit and its date on every page. */
  draft?: boolean;
  pdfStandard?: string;
  /** No progress lines. */
  quiet?: boolean;
  /** Also write report.pandoc.md, the Markdown the DOCX and PDF were converted from. */
  keepIntermediates?: boolean;
  /** Told every finding the build prints (preview shows them in the page). */
  onFindings?: (diagnostics: readonly Diagnostic[]) => void;
}

/** A progress line for a stage's event ("validated 2023"), or undefined for none. */
function progressLine(
  event: BuildEvent,
  formats: readonly OutputFormat[],
  words: ProgressWords,
): string | undefined {
  switch (event.stage) {
    case "validate":
      return words.validated(event.year, event.warnings);
    case "model":
      return words.model;
    case "render":
      return words.rendered(event.targets.map((t) => targetNames(t, formats)));
    case "output":
      return event.recipe.ownStep ? words.made(event.recipe.displayName) : undefined;
    case "commit": {
      const shown = path.relative(process.cwd(), event.outDir) || ".";
      const files = event.names.filter((n) => !n.startsWith("figurer/"));
      // The HTML edition's many files as its folder.
      const listed = [...new Set(files.map((n) => n.replace(/\/.*$/, "/")))].join(", ");
      return words.wrote(event.names.length, shown, listed);
    }
    default:
      return undefined;
  }
}

/**
 * The build's observer on the terminal: findings that do not stop the build on `out`, progress
 * lines ("✔ validated 2023 (0.21 s)") on `err`, coloured only on a terminal, none with --quiet.
 */
function terminalObserver(
  flags: BuildFlags,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  formats: readonly OutputFormat[],
) {
  const c = new Chalk({ level: flags.color ? 1 : 0 });
  const words = progressWords(flags.lang);
  let last = performance.now();
  return (event: BuildEvent) => {
    if (event.stage === "findings") return void out.write(report(event.diagnostics, flags));
    const line = progressLine(event, formats, words);
    if (line === undefined) return;
    const now = performance.now();
    const took = event.stage === "output" ? event.seconds : (now - last) / 1000;
    if (!flags.quiet)
      err.write(`${c.green("✔")} ${maskPersonalData(line)} ${c.dim(`(${took.toFixed(2)} s)`)}\n`);
    last = now;
  };
}

function report(diagnostics: Diagnostic[], flags: BuildFlags): string {
  flags.onFindings?.(diagnostics);
  return stylish(diagnostics, {
    color: flags.color,
    pathPrefix: pathPrefix(flags.data),
    lang: flags.lang,
  });
}

/**
 * `nch-report build <year>`: start the converter workers (pandoc loads while we validate), then
 * run the build's stages (src/pipeline/build.ts); a stage that stops the build is reported here.
 */
export async function runBuild(
  yearText: string,
  flags: BuildFlags,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  started?: StartedBuild,
): Promise<number> {
  const { formats, converters } = started ?? startBuild(flags);
  try {
    const year = parseYear(yearText);
    const pdfStandard = parsePdfStandard(flags.pdfStandard);
    // The default output is the project's dist/<year>/, wherever in the project the command runs.
    const outDir = path.resolve(flags.out ?? path.join(projectRootOrCwd(), "dist", String(year)));
    const request: BuildRequest = {
      year,
      data: flags.data,
      dataRoot: path.resolve(flags.data),
      outDir,
      formats,
      pdfStandard,
      draft: flags.draft ?? false,
      keepIntermediates: flags.keepIntermediates ?? false,
      ...(converters && { converters }),
    };
    const stopped = await buildReport(request, terminalObserver(flags, out, err, formats)).catch(
      (error: unknown) => {
        if (error instanceof MissingYearError) throw new UsageError(missingYearMessage(error));
        throw error;
      },
    );
    if (!stopped) return EXIT.ok;
    out.write(report(stopped.diagnostics, flags));
    if (stopped.reason) out.write(`${progressWords(flags.lang).stopped(stopped.reason)}\n`);
    return EXIT.problems;
  } finally {
    await converters?.close();
  }
}
