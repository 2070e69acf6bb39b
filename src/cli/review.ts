import path from "node:path";
import { finding } from "../diagnostics/finding.js";
import type { Lang } from "../diagnostics/messages/index.js";
import { projectRootOrCwd } from "../project-root.js";
import { REVIEW_FORMATS, REVIEW_REPORTERS, type ReviewFormat } from "../review/report.js";
import { EXIT, parseYear, UsageError } from "./exit.js";
import { pathPrefix } from "./validate.js";
import { shownPath } from "./where.js";

export interface ReviewFlags {
  data: string;
  year?: string;
  out?: string;
  format: string;
  color: boolean;
  /** The language of the findings' words (the summary line and kinds stay English). */
  lang?: Lang;
}

const isFormat = (name: string): name is ReviewFormat =>
  (REVIEW_FORMATS as readonly string[]).includes(name);

/** `nch-report review <file.docx>`: 0 when read (comments are no errors), 1 when it cannot be. */
export async function runReview(
  file: string,
  flags: ReviewFlags,
  out: NodeJS.WritableStream,
): Promise<number> {
  if (!isFormat(flags.format))
    throw new UsageError(
      `--format must be one of ${REVIEW_FORMATS.join(", ")}, not "${flags.format}".`,
    );
  const year = flags.year === undefined ? undefined : parseYear(flags.year);
  const docx = path.resolve(file);
  const document = shownPath(docx);
  const { reviewDocx, ReviewReadError } = await import("../review/index.js");
  const outDirFor = (y: number) =>
    path.resolve(flags.out ?? path.join(projectRootOrCwd(), "dist", String(y)));
  const report = {
    document,
    pathPrefix: pathPrefix(flags.data),
    color: flags.color,
    lang: flags.lang ?? "en",
  };
  try {
    const result = await reviewDocx({
      docx,
      dataRoot: flags.data,
      outDirFor,
      ...(year && { year }),
    });
    out.write(REVIEW_REPORTERS[flags.format]({ ...report, ...result }));
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ReviewReadError)) throw error;
    const { code, args } = error.problem;
    const diagnostic = finding(code, { file: document, line: 0, column: 0 }, args as never);
    const { REPORTERS } = await import("../diagnostics/reporters/index.js");
    out.write(
      REPORTERS[flags.format]([diagnostic], {
        color: flags.color,
        pathPrefix: "",
        lang: flags.lang,
      }),
    );
    return EXIT.problems;
  }
}
