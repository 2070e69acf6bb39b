import path from "node:path";
import { openCache } from "../cache.js";
import { countBySeverity, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Lang } from "../diagnostics/messages/index.js";
import { isReporterName, REPORTERS, type ReporterOptions } from "../diagnostics/reporters/index.js";
import { MissingYearError } from "../load/dataset.js";
import { validateYear } from "../pipeline/validate.js";
import { EXIT, parseNonNegativeInt, parseYear, UsageError } from "./exit.js";
import { missingYearMessage } from "./where.js";

export interface ValidateFlags {
  data: string;
  format: string;
  strict?: boolean;
  maxWarnings?: string;
  quiet?: boolean;
  color: boolean;
  lang?: Lang;
}

/** Exit code for a set of findings: errors, too many warnings, or any warning under --strict. */
export function exitCodeFor(
  diagnostics: readonly Diagnostic[],
  strict: boolean,
  maxWarnings: number | undefined,
): number {
  const { errors, warnings } = countBySeverity(diagnostics);
  if (errors > 0) return EXIT.problems;
  if (strict && warnings > 0) return EXIT.problems;
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT.problems;
  return EXIT.ok;
}

/** `--data` as the user sees it from the working directory, for clickable paths and annotations. */
export function pathPrefix(dataDir: string): string {
  const rel = path.relative(process.cwd(), path.resolve(dataDir)).split(path.sep).join("/");
  return rel === "" ? "" : `${rel}/`;
}

export async function runValidate(
  yearText: string,
  flags: ValidateFlags,
  out: NodeJS.WritableStream,
): Promise<number> {
  const year = parseYear(yearText);
  if (!isReporterName(flags.format)) {
    throw new UsageError(
      `--format must be one of ${Object.keys(REPORTERS).join(", ")}, not "${flags.format}".`,
    );
  }
  const maxWarnings =
    flags.maxWarnings === undefined
      ? undefined
      : parseNonNegativeInt(flags.maxWarnings, "--max-warnings");
  let diagnostics: Diagnostic[];
  try {
    ({ diagnostics } = await validateYear(flags.data, year, { cache: openCache() }));
  } catch (error) {
    if (error instanceof MissingYearError) throw new UsageError(missingYearMessage(error));
    throw error;
  }
  const options = { color: flags.color, pathPrefix: pathPrefix(flags.data), lang: flags.lang };
  const code = exitCodeFor(diagnostics, flags.strict ?? false, maxWarnings);
  if (flags.quiet && flags.format === "stylish") out.write(quietReport(diagnostics, options, code));
  else {
    const shown = flags.quiet ? diagnostics.filter((d) => d.severity === "error") : diagnostics;
    out.write(REPORTERS[flags.format](shown, options));
  }
  return code;
}

/**
 * --quiet: the errors, and a line that counts the warnings not shown (saying when they are what
 * fails the run); nothing at all when there is neither.
 */
function quietReport(
  diagnostics: readonly Diagnostic[],
  options: ReporterOptions,
  code: number,
): string {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const { warnings } = countBySeverity(diagnostics);
  const listed = errors.length > 0 ? REPORTERS.stylish(errors, options) : "";
  if (warnings === 0) return listed;
  const tooMany = errors.length === 0 && code !== EXIT.ok;
  if (options.lang === "sv")
    return `${listed}${warnings} ${warnings === 1 ? "varning" : "varningar"} visas inte${tooMany ? " (för många: avslutar med 1)" : ""}.\n`;
  return `${listed}${warnings} warning${warnings === 1 ? "" : "s"} not shown${tooMany ? " (too many: exit 1)" : ""}.\n`;
}
