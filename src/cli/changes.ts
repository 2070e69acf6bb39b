import { GitError } from "../changes/git.js";
import { reportChanges, SideError } from "../changes/index.js";
import { inLanguage, type Lang } from "../diagnostics/messages/index.js";
import { stylish } from "../diagnostics/reporters/stylish.js";
import { EXIT, parseYear, UsageError } from "./exit.js";
import { pathPrefix } from "./validate.js";

export interface ChangesFlags {
  data: string;
  since: string;
  format: string;
  color: boolean;
  lang?: Lang;
}

const FORMATS = ["terminal", "md", "json"];

/** `nch-report changes <year> --since <ref>`: what a data commit changed in the report. */
export async function runChanges(
  yearText: string,
  flags: ChangesFlags,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const year = parseYear(yearText);
  if (!FORMATS.includes(flags.format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${flags.format}".`);
  const prefix = pathPrefix(flags.data);
  let changes: Awaited<ReturnType<typeof reportChanges>>;
  try {
    changes = await reportChanges(flags.data, year, flags.since);
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(error.message);
    if (error instanceof SideError) {
      if (error.errors.length === 0) throw new UsageError(error.message);
      err.write(stylish(error.errors, { ...flags, pathPrefix: prefix }));
      err.write(`nch-report: ${error.message}\n`);
      return EXIT.problems;
    }
    throw error;
  }
  const format = await import("../changes/format.js");
  const lang = flags.lang ?? "en";
  const { added, gone } = changes.findings;
  changes.findings = {
    added: added.map((d) => inLanguage(d, lang)),
    gone: gone.map((d) => inLanguage(d, lang)),
  };
  if (flags.format === "json") out.write(format.json(changes));
  else if (flags.format === "md") out.write(format.markdown(changes, { pathPrefix: prefix }));
  else out.write(format.terminal(changes, { color: flags.color, pathPrefix: prefix }));
  return EXIT.ok;
}
